/** The scorer as a program: build/cli/par-score.js, the package's bin (webpack.cli.config.js). */
import { main } from './main';

main();
