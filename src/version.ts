/** The widget's version, as in package.json (a test keeps them equal); receipts name it. */
export const VERSION = '0.2.0';
