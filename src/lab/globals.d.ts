// The few host functions the engine uses that ES2022's type library does not declare.
// structuredClone exists in Node ≥ 17, browsers and workers alike.
declare function structuredClone<T>(value: T): T;
