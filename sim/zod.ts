// The one zod every schema module imports: set to parse without compiling code at run time
// (`jitless`), so the app works under a Content-Security-Policy that forbids eval; measured in
// Node it also parses the lessons about twice as fast (no compile step). Import from here, never 'zod'.
// package.json lists this file under "sideEffects", so the bundler keeps its z.config call.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
