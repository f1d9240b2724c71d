// picomatch (the glob matcher tinyglobby uses) ships no types.
declare module 'picomatch' {
  export interface PicomatchOptions {
    readonly dot?: boolean;
  }
  export default function picomatch(glob: string | readonly string[], options?: PicomatchOptions): (path: string) => boolean;
}
