// A mocha root hook: a test that leaves a child process or a server open would keep mocha
// (which runs without --exit, so leaks show) alive after its summary, and CI would only stop
// at its time limit with nothing said. Give the process a minute after the last test to end
// on its own; otherwise name what holds it open and fail.
const graceMs = 60_000;

export const mochaHooks = {
  afterAll(): void {
    setTimeout(() => {
      console.error(`\nmocha: the process is still open ${graceMs / 1000} s after the last test, held by: ${process.getActiveResourcesInfo().join(", ")}.\nA test left a child process, server or timer running; end it in the test's finally or after hook.`);
      // Mocha's own exit handler sets the exit code to the failure count; this one runs after it.
      process.on("exit", () => (process.exitCode = 1));
      process.exit(1);
    }, graceMs).unref();
  },
};
