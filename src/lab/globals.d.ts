// The few host functions the lab uses that ES2022's type library does not declare; Node ≥ 18,
// browsers and workers all have them. Only what the lab calls, with the shapes it relies on.
declare function structuredClone<T>(value: T): T;
declare function setTimeout(callback: () => void, ms?: number): unknown;

// Text and compression streams (WHATWG; in Node ≥ 18 and every current browser), as the share
// link's packing uses them.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
interface ByteStreamPair {
  readonly readable: { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> } };
  readonly writable: { getWriter(): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void> } };
}
declare const CompressionStream: { new (format: 'deflate-raw'): ByteStreamPair } | undefined;
declare const DecompressionStream: { new (format: 'deflate-raw'): ByteStreamPair } | undefined;

// Query strings (WHATWG URL), as the share link's codec reads and writes them.
declare class URLSearchParams {
  constructor(init?: string);
  get(name: string): string | null;
  has(name: string): boolean;
  set(name: string, value: string): void;
  entries(): IterableIterator<[string, string]>;
  toString(): string;
}
