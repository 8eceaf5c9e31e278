/**
 * Property tests run on a fixed seed by default, so a run on a clean clone (CI) gives the same
 * answer as the run before it. To explore new cases, run `FC_SEED=random npx jest`, or replay a
 * reported failure with `FC_SEED=<seed>`; a counterexample found that way becomes a plain test.
 */
import fc from 'fast-check';

const asked = process.env.FC_SEED;
if (asked !== 'random') fc.configureGlobal({ seed: asked ? Number(asked) : 20261202 });
