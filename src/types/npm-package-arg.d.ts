/** The part of npm-package-arg (npm's own parser of install specs) that roledoc uses. */
declare module 'npm-package-arg' {
  interface Result {
    readonly type: 'git' | 'tag' | 'version' | 'range' | 'file' | 'directory' | 'remote' | 'alias';
    readonly name?: string | null;
    readonly rawSpec: string;
  }
  function npa(spec: string): Result;
  export default npa;
}
