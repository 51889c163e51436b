// Playwright global teardown: stops the adversarial suite's own server.
import { stopServer } from "./adversarial/server";

export default function teardown() {
  stopServer();
}
