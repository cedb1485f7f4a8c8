// Content script entry on x.com: detection starts here.
export {};
