/**
 * How tests and benchmarks start Chromium: Debian's build (Playwright cannot download its own here; override
 * with CHROMIUM_PATH), with a software WebGPU adapter (SwiftShader, in workers too) and no background traffic.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--enable-unsafe-webgpu',
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
