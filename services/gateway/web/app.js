// The trade-operations dashboard: live figures over Server-Sent Events (read with
// fetch so the operator's token travels in the Authorization header), work queues,
// discrepancy and rejection tables, and a credit's page with in-browser proof checks.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const kTokenKey = "lcproc.operatorToken";
  const kPoints = 300;      // five minutes of one-second figures
  const kRefreshMs = 10000; // queues and tables

  let token = sessionStorage.getItem(kTokenKey) || "";
  let logKey = null;
  const series = { t: [], recv: [], acc: [], rej: [], ref: [], p50: [], p99: [], batches: [], size: [] };
  const charts = {};

  function authHeaders() { return token ? { Authorization: `Bearer ${token}` } : {}; }

  async function api(path) {
    const r = await fetch(path, { headers: authHeaders() });
    const body = r.headers.get("content-type")?.includes("json") ? await r.json() : await r.text();
    if (!r.ok) {
      const err = new Error(body?.detail || `${r.status} ${r.statusText}`);
      err.status = r.status;
      throw err;
    }
    return body;
  }

  function el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === "class") e.className = v; else if (k.startsWith("on")) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
    }
    for (const c of children.flat()) e.append(c instanceof Node ? c : document.createTextNode(c ?? ""));
    return e;
  }
  const money = (m) => m ? `${m.amount} ${m.currency}` : "";
  const fmt = (v, digits = 1) => (v === null || v === undefined) ? "—" : Number(v).toFixed(digits);
  function fillTable(id, rows) {
    const tbody = $(id).querySelector("tbody");
    tbody.replaceChildren(...(rows.length ? rows : [el("tr", {}, el("td", { colspan: "9", class: "empty" }, "nothing waiting"))]));
  }
  function creditLink(ref) {
    return el("a", { href: `#credit=${encodeURIComponent(ref)}`, onclick: (e) => { e.preventDefault(); openCredit(ref); } }, ref);
  }
  function timeLeft(item) {
    if (item.overdue) return el("span", { class: "overdue", title: "past the art. 14(b) deadline" }, `OVERDUE by ${-item.bankingDaysLeft} banking day(s)`);
    const cls = item.bankingDaysLeft <= 1 ? "soon" : "";
    return el("span", { class: cls }, `${item.bankingDaysLeft} banking day(s)`);
  }

  // ---- live figures ---------------------------------------------------------------
  const tiles = [
    ["receivedPerSecond", "Received", "docs/s", 1], ["acceptedPerSecond", "Accepted", "docs/s", 1],
    ["rejectedPerSecond", "Rejected", "docs/s", 1], ["refusedPerSecond", "Refused", "docs/s", 1],
    ["batchesPerSecond", "Batch commits", "batches/s", 1], ["batchSizeMean", "Batch size", "docs", 1],
    ["ackP50Seconds", "p50 receipt→ack", "ms", 1, 1000], ["ackP99Seconds", "p99 receipt→ack", "ms", 1, 1000],
    ["inFlight", "In flight", "", 0], ["ledgerEntries", "Ledger size", "entries", 0],
    ["checkpointAgeSeconds", "Checkpoint age", "s", 0],
  ];
  function showFigures(f) {
    $("live-at").textContent = `at ${f.at}`;
    $("tiles").replaceChildren(...tiles.map(([key, label, unit, digits, scale]) => {
      let v = f[key];
      if (v !== null && scale) v *= scale;
      let text = `${fmt(v, digits)} ${unit}`;
      if (key === "inFlight") text = `${f.inFlight} of ${f.maxInFlight} docs (back-pressure limit)`;
      return el("div", { class: "tile", "data-key": key }, el("dt", {}, label), el("dd", {}, text));
    }));
    const push = (k, v) => { series[k].push(v); if (series[k].length > kPoints) series[k].shift(); };
    push("t", f.atMillis / 1000); push("recv", f.receivedPerSecond); push("acc", f.acceptedPerSecond);
    push("rej", f.rejectedPerSecond); push("ref", f.refusedPerSecond); push("p50", f.ackP50Seconds);
    push("p99", f.ackP99Seconds); push("batches", f.batchesPerSecond); push("size", f.batchSizeMean);
    drawCharts();
  }
  function makeChart(id, labels, keys, unit) {
    const box = $(id);
    const opts = {
      width: Math.max(280, box.clientWidth || 380), height: 170,
      series: [{ value: (u, v) => v === null ? "" : new Date(v * 1000).toISOString().slice(11, 19) + "Z" },
               ...labels.map((label, i) => ({ label: `${label} (${unit})`, stroke: ["#2f7ed8", "#2e9d55", "#d9822b", "#c0392b"][i], width: 2 }))],
      axes: [{ stroke: "currentColor", grid: { stroke: "rgba(128,128,128,.2)" } },
             { stroke: "currentColor", grid: { stroke: "rgba(128,128,128,.2)" }, size: 55 }],
      scales: { x: { time: true } },
    };
    charts[id] = { plot: new uPlot(opts, [series.t, ...keys.map((k) => series[k])], box), keys };
  }
  function drawCharts() {
    if (typeof uPlot === "undefined") return;
    if (!charts["chart-docs"]) {
      makeChart("chart-docs", ["received", "accepted", "rejected", "refused"], ["recv", "acc", "rej", "ref"], "docs/s");
      makeChart("chart-latency", ["p50", "p99"], ["p50", "p99"], "s");
      makeChart("chart-batches", ["batches", "mean size"], ["batches", "size"], "per s / docs");
    }
    for (const c of Object.values(charts)) c.plot.setData([series.t, ...c.keys.map((k) => series[k])]);
  }

  // SSE over fetch: an EventSource cannot send the Authorization header.
  let liveAbort = null;
  async function followLive() {
    liveAbort?.abort();
    liveAbort = new AbortController();
    let lastId = "";
    for (;;) {
      try {
        const headers = authHeaders();
        if (lastId) headers["Last-Event-ID"] = lastId;
        const r = await fetch("/v1/ops/live", { headers, signal: liveAbort.signal });
        if (!r.ok) { setStatus(`live figures refused: ${r.status}`, true); return; }
        setStatus("live", false);
        const reader = r.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let data = "", event = "message";
            for (const line of block.split("\n")) {
              if (line.startsWith("data: ")) data += line.slice(6);
              else if (line.startsWith("event: ")) event = line.slice(7);
              else if (line.startsWith("id: ")) lastId = line.slice(4);
            }
            if (event === "figures" && data) showFigures(JSON.parse(data));
          }
        }
      } catch (e) {
        if (liveAbort.signal.aborted) return;
      }
      setStatus("live figures reconnecting…", true);
      await new Promise((res) => setTimeout(res, 2000));
    }
  }
  function setStatus(text, bad) { const s = $("connection"); s.textContent = text; s.classList.toggle("bad", bad); }

  // ---- queues and tables ------------------------------------------------------------
  async function refreshQueues() {
    const asOf = $("asof").value;
    const q = await api(`/v1/ops/queues${asOf ? `?asOf=${asOf}` : ""}`);
    $("queues-at").textContent = `as of ${q.asOf} (UTC), ${q.overdue} overdue, updated ${q.generatedAt}`;
    for (const k of ["examination", "discrepant", "amendments", "expiring"]) $(`count-${k}`).textContent = `(${q[k].total})`;
    fillTable("q-examination", q.examination.items.map((p) => el("tr", { class: p.overdue ? "overdue-row" : "" },
      el("td", {}, creditLink(p.creditNumber)), el("td", {}, p.presentationNumber), el("td", {}, p.presentingBank),
      el("td", {}, p.presentedOn), el("td", { class: "num" }, money(p.drawing)), el("td", {}, p.status),
      el("td", {}, p.examinationDeadline), el("td", {}, timeLeft(p)))));
    fillTable("q-discrepant", q.discrepant.items.map((p) => el("tr", { class: p.overdue ? "overdue-row" : "" },
      el("td", {}, creditLink(p.creditNumber)), el("td", {}, p.presentationNumber),
      el("td", {}, p.discrepancies.map((d) => `${d.code} (art. ${d.article})`).join(", ")),
      el("td", {}, p.refusalNoticeDeadline), el("td", {}, timeLeft(p)))));
    fillTable("q-amendments", q.amendments.items.map((a) => el("tr", {},
      el("td", {}, creditLink(a.creditNumber)), el("td", {}, a.amendmentNumber), el("td", {}, a.dateOfAmendment),
      el("td", {}, `${a.daysWaiting} day(s)`))));
    fillTable("q-expiring", q.expiring.items.map((c) => el("tr", {},
      el("td", {}, creditLink(c.creditNumber)), el("td", {}, c.state), el("td", {}, c.effectiveExpiryDate),
      el("td", {}, `${c.daysLeft} day(s)`), el("td", { class: "num" }, money(c.available)))));
  }
  async function refreshTables() {
    const [d, r] = await Promise.all([api("/v1/ops/discrepancies"), api("/v1/ops/rejections")]);
    fillTable("d-code", d.byCode.map((x) => el("tr", {}, el("td", {}, x.code), el("td", {}, `art. ${x.article}`), el("td", { class: "num" }, x.count))));
    fillTable("d-bank", d.byPresentingBank.map((x) => el("tr", {}, el("td", {}, x.presentingBank), el("td", { class: "num" }, x.presentations),
      el("td", { class: "num" }, x.discrepantPresentations), el("td", { class: "num" }, x.discrepancies))));
    fillTable("r-bank", r.bySubmitter.map((x) => el("tr", {}, el("td", {}, x.submitter), el("td", { class: "num" }, x.rejected), el("td", { class: "num" }, x.refused))));
    fillTable("r-reason", r.byReason.map((x) => el("tr", {}, el("td", {}, x.reason), el("td", { class: "num" }, x.rejected), el("td", { class: "num" }, x.refused))));
  }
  async function refreshAll() {
    try {
      await Promise.all([refreshQueues(), refreshTables()]);
    } catch (e) {
      if (e.status === 401 || e.status === 403) return signedOut(e.message);
      setStatus(`could not refresh: ${e.message}`, true);
    }
  }

  // ---- a credit's page ------------------------------------------------------------
  async function search(q) {
    q = q.trim();
    if (/^[A-Za-z0-9_-]{43}$/.test(q)) {
      try {
        const doc = await api(`/v1/documents/${q}`);
        if (doc.receipt?.creditNumber) return openCredit(doc.receipt.creditNumber);
      } catch (e) { /* not a document id: try it as a reference */ }
    }
    return openCredit(q);
  }
  async function openCredit(ref) {
    const panel = $("credit"), body = $("credit-body");
    panel.hidden = false;
    $("credit-title").textContent = `Credit ${ref}`;
    body.replaceChildren(el("p", {}, "loading…"));
    let c;
    try {
      c = await api(`/v1/credits/${encodeURIComponent(ref)}`);
    } catch (e) {
      body.replaceChildren(el("p", { class: "error", role: "alert" }, e.status === 404 ? `No credit ${ref} (or not visible to you).` : e.message));
      panel.focus();
      return;
    }
    const t = c.terms || {};
    const parties = Object.entries(c.parties).map(([k, v]) => el("li", {}, `${k}: ${v}`));
    const dl = (pairs) => el("dl", { class: "facts" }, pairs.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
    body.replaceChildren(
      dl([["State", c.state], ["Amount", money(c.amounts.maximum) + " (maximum)"], ["Drawn", money(c.amounts.drawn)],
          ["Paid", money(c.amounts.paid)], ["Available balance", money(c.amounts.available)],
          ["Expiry", `${c.deadlines.effectiveExpiryDate} (31D ${c.deadlines.expiryDate}${c.deadlines.expiryPlace ? ", " + c.deadlines.expiryPlace : ""})`],
          ["Latest shipment", c.deadlines.latestShipmentDate || "—"],
          ["Applicant", t.applicant?.name || "—"], ["Beneficiary", t.beneficiary?.name || "—"]]),
      el("h3", {}, "Parties"), el("ul", {}, parties),
      el("h3", {}, "Presentations"),
      el("table", {}, el("thead", {}, el("tr", {}, ["No.", "Presented", "Drawing", "Status", "Art. 14(b) deadline", "Discrepancies"].map((h) => el("th", {}, h)))),
        el("tbody", {}, (c.presentations || []).map((p) => el("tr", {}, el("td", {}, p.presentationNumber), el("td", {}, p.presentedOn),
          el("td", { class: "num" }, money(p.drawing)), el("td", {}, p.status), el("td", {}, p.examinationDeadline),
          el("td", {}, p.discrepancies.map((d) => `${d.code} (art. ${d.article})`).join(", ")))))),
      el("h3", {}, "Timeline (ledger order)"),
      el("table", { id: "timeline" }, el("thead", {}, el("tr", {}, ["Ledger index", "Received", "Document", "Submitter", "Outcome", "Discrepancies", "In the signed ledger?"].map((h) => el("th", {}, h)))),
        el("tbody", {}, c.timeline.map((ev) => {
          const result = el("span", { class: "verify-result", role: "status", "aria-live": "polite" });
          const button = el("button", { type: "button", class: "verify", "data-index": ev.ledgerIndex,
                                        onclick: () => verify(ev.ledgerIndex, c.treeSize, result) }, "Verify");
          return el("tr", { "data-index": ev.ledgerIndex }, el("td", { class: "num" }, ev.ledgerIndex), el("td", {}, ev.receivedAt),
            el("td", {}, ev.documentType), el("td", {}, ev.submitter),
            el("td", { class: ev.outcome === "accepted" ? "" : "bad" }, ev.outcome + (ev.reasonCode ? ` (${ev.reasonCode})` : "")),
            el("td", {}, ev.discrepancies.join(", ")), el("td", {}, button, " ", result));
        }))));
    panel.scrollIntoView();
    panel.focus();
  }
  async function verify(index, treeSize, out) {
    out.className = "verify-result";
    out.textContent = "checking…";
    try {
      if (!logKey) logKey = (await api("/v1/participants")).logKey;
      const [entry, proof] = await Promise.all([api(`/v1/ledger/entries/${index}`),
                                                api(`/v1/ledger/proof/inclusion?index=${index}&size=${treeSize}`)]);
      const r = await LcprocVerify.verifyEntry(entry, proof, logKey);
      out.classList.add(r.ok ? "ok" : "bad");
      out.textContent = r.ok
        ? `Yes: entry ${index} is in the signed ledger of ${proof.treeSize} entries${r.signatureChecked ? "" : " (signature not checked by this browser)"}.`
        : `NOT PROVEN: entry ${index} could not be shown to be in the signed ledger.`;
      out.title = r.steps.join("\n");
      out.append(el("span", { class: "steps" }, " — " + r.steps[r.steps.length - 1]));
    } catch (e) {
      out.classList.add("bad");
      out.textContent = `NOT PROVEN: ${e.message}`;
    }
  }

  // ---- sign-in and start ------------------------------------------------------------
  function signedOut(message) {
    liveAbort?.abort();
    $("board").hidden = true;
    $("login").hidden = false;
    $("login-error").textContent = message || "";
    setStatus("signed out", true);
    $("token").focus();
  }
  async function start() {
    // Without a token only a client certificate (over TLS) can make the caller an operator.
    if (!token && location.protocol !== "https:") return signedOut("");
    try {
      await api("/v1/ops/rejections");  // operator only: proves the token (or certificate)
    } catch (e) {
      return signedOut(token ? `Not signed in as an operator: ${e.message}` : "");
    }
    $("login").hidden = true;
    $("board").hidden = false;
    followLive();
    await refreshAll();
  }

  $("login-form").addEventListener("submit", (e) => {
    e.preventDefault();
    token = $("token").value.trim();
    sessionStorage.setItem(kTokenKey, token);
    start();
  });
  $("search").addEventListener("submit", (e) => { e.preventDefault(); search($("search-input").value); });
  $("credit-close").addEventListener("click", () => { $("credit").hidden = true; $("search-input").focus(); });
  $("asof").addEventListener("change", () => refreshQueues().catch(() => {}));
  const params = new URLSearchParams(location.search);
  $("asof").value = params.get("asOf") || new Date().toISOString().slice(0, 10);
  setInterval(() => { if (!$("board").hidden) refreshAll(); }, kRefreshMs);
  window.addEventListener("load", () => {
    start();
    if (location.hash.startsWith("#credit=")) openCredit(decodeURIComponent(location.hash.slice(8)));
  });
})();
