// Pure rules of the industries area (issue 7), no I/O.
export {};
