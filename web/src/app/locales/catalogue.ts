/** The shape of a catalogue with the Chinese one's keys: a missing or extra key fails the type check. */
export type Catalogue<T> = { [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> };
