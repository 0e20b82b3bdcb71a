// Signs in, trades the admin's token for the console cookie, and shows the links. The token is not kept.
const form = document.getElementById("sign-in");
const message = document.getElementById("message");
const links = document.getElementById("links");

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  message.textContent = "Signing in…";
  links.hidden = true;
  const data = new FormData(form);
  try {
    const signIn = await fetch("/api/auth/token", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: data.get("username"), password: data.get("password") }),
    });
    if (!signIn.ok) {
      message.textContent = signIn.status === 429 ? "Too many attempts; wait a moment." : "Wrong user name or password.";
      return;
    }
    const { accessToken, role } = await signIn.json();
    if (role !== "admin") {
      message.textContent = "These pages are for admins only.";
      return;
    }
    const console = await fetch("/api/admin/console", { method: "POST", headers: { Authorization: `Bearer ${accessToken}` } });
    if (!console.ok) {
      message.textContent = `The console could not be opened (${console.status}).`;
      return;
    }
    const { expiresAt } = await console.json();
    form.reset();
    message.textContent = `Open until ${new Date(expiresAt).toLocaleTimeString()}.`;
    links.hidden = false;
  } catch {
    message.textContent = "The hub does not answer.";
  }
});
