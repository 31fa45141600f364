/** A link's or a file's problems as an alert lists them: the first few, and how many more. */
export const PROBLEMS_LISTED = 4;

export function listProblems(problems: string[]): string {
  const shown = problems.slice(0, PROBLEMS_LISTED).join('; ');
  const more = problems.length - PROBLEMS_LISTED;
  return more > 0 ? `${shown}; and ${more} more` : shown;
}
