// Builds lib/ once before the tests that run the CLI and the cdk8s plugin as processes.
module.exports = async () => {
  require('../scripts/build.js');
};
