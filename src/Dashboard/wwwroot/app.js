// The first page of the control room: sign in, join every site the user may see, show the live feed.
"use strict";

const maxRows = 200;
const $ = (id) => document.getElementById(id);

async function signIn(username, password) {
  const response = await fetch("/api/auth/token", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail || `Sign-in failed (${response.status})`);
  return body.accessToken;
}

function showEvents(events) {
  const feed = $("feed");
  for (const e of events) {
    const row = document.createElement("tr");
    row.className = e.action || "";
    const cells = [
      new Date(e.at).toLocaleTimeString(), e.siteId, e.gateId,
      e.direction ? `${e.type} ${e.direction}` : e.type,
      e.residentName || "", e.cardTail ? `…${e.cardTail}` : (e.plate || ""),
      e.reason ? `${e.action} (${e.reason})` : "",
    ];
    for (const text of cells) {
      const cell = document.createElement("td");
      cell.textContent = text;
      row.appendChild(cell);
    }
    feed.prepend(row);
  }
  while (feed.rows.length > maxRows) feed.deleteRow(feed.rows.length - 1);
}

async function goLive(token) {
  const sites = await fetch("/api/sites", { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.json());
  $("sites").textContent = sites.map((s) => s.name).join(", ") || "none";

  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/ops", { accessTokenFactory: () => token })
    .withAutomaticReconnect()
    .build();
  connection.on("events", showEvents);
  const join = () => Promise.all(sites.map((s) => connection.invoke("JoinSite", s.siteId)));
  connection.onreconnecting(() => ($("status").textContent = "reconnecting…"));
  connection.onreconnected(async () => { await join(); $("status").textContent = "live"; });
  await connection.start();
  await join();
  $("status").textContent = "live";
  $("login").hidden = true;
  $("live").hidden = false;
}

$("login").addEventListener("submit", async (event) => {
  event.preventDefault();
  $("login-error").textContent = "";
  try {
    await goLive(await signIn($("username").value, $("password").value));
  } catch (error) {
    $("login-error").textContent = error.message;
  }
});
