import { test } from 'vitest';
import { parseCsv } from '/work/main/src/experiment/data/csv';
test('x', () => {
  const cases = ['a,b,y\n1,2,p\n\n1,x,q\n3,4,r\n', 'a,b,y\r\n1,2,p\r\n"1\r\n2",3,q\r\n1,,r\r\n5,6,s', 'a,b,y\r1,2,p\r1,z,q\r3,4,p', '\n\na,b,y\n1,2,p\n3,,q\n4,5,q', 'a,b,y\n1,2,"p"x\n3,4,q\n1,,p'];
  for (const c of cases) console.log(JSON.stringify(c), JSON.stringify(parseCsv(c, { label: 'y', kind: 'classes' })));
});
