// The few host functions the lab uses that ES2022's type library does not declare; Node ≥ 18,
// browsers and workers all have them. Only what the lab calls, with the shapes it relies on.
declare function structuredClone<T>(value: T): T;
declare function setTimeout(callback: () => void, ms?: number): unknown;
