#!/usr/bin/env node
// Thin shim: the compiled CLI lives in dist/ (built by `npm ci` through the `prepare` script).
// Two things are said in words here, before any of roledoc loads: a Node.js too old for it, and a
// copy of roledoc whose dist/ was never built (a source archive, a checkout without `npm ci`).
// 22.2: the .docx writer checksums with node:zlib's crc32, which came in 22.2.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 2)) {
  process.stderr.write(
    `✖ roledoc 需要 Node.js 22.2 或更新版本，这里是 Node.js ${process.versions.node}。请从 https://nodejs.org/ 安装长期支持版（LTS）后再运行。\n` +
      `  roledoc needs Node.js 22.2 or newer; this is Node.js ${process.versions.node}. Install the current LTS from https://nodejs.org/ and run roledoc again.\n`,
  );
  process.exit(2);
}
// V8's compiled code for roledoc's modules, kept in the system's temporary folder between runs
// (Node.js 22.1+): a command starts about a tenth faster. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
// V8 lets a heap that may use gigabytes (the main thread's) grow to four times what is live before
// collecting. Twice is as fast here and less memory: 1,000 role documents on one thread peak at
// 280 MB instead of 440, a 1,000-role build with its handbook ~4% faster. A flag of the process:
// render threads take it too. One given on node's command line (node --heap-growing-percent=N) is left alone.
if (!process.execArgv.some((option) => option.startsWith('--heap-growing-percent'))) {
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString('--heap-growing-percent=100');
}
let main;
try {
  main = await import('../dist/cli/main.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist')) throw error;
  process.stderr.write(
    '✖ 这份 roledoc 还没有编译（没有 dist/ 文件夹）：在它的文件夹里运行 npm ci；或者从 npm 或发布包（release tarball）安装，它们是编译好的。\n' +
      '  This copy of roledoc has not been built (it has no dist/ folder). In its folder, run npm ci; or install roledoc from npm or from a release tarball, which come built.\n',
  );
  process.exit(2);
}
process.exitCode = await main.run(process.argv.slice(2));
