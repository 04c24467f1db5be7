// Imported first by any browser script that bundles zod schemas: zod 4 otherwise probes `new Function('')`
// when a schema is built, which the site's CSP (no 'unsafe-eval') blocks and reports as a violation.
import { z } from 'astro/zod';

z.config({ jitless: true });
