// Starts `kanclint lsp` for plain text and Markdown; the server does the rest
// (diagnostics, hover, quick fixes, fix-all, ignore/allow commands).
"use strict";

const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function settings() {
  // A plain object: sent as initializationOptions; later changes arrive through
  // workspace/configuration (section "kanclint").
  return JSON.parse(JSON.stringify(vscode.workspace.getConfiguration("kanclint")));
}

async function start() {
  const command = vscode.workspace.getConfiguration("kanclint").get("path") || "kanclint";
  const serverOptions = { command, args: ["lsp"] };
  const clientOptions = {
    documentSelector: [
      { scheme: "file", language: "plaintext" },
      { scheme: "file", language: "markdown" },
      { scheme: "untitled", language: "plaintext" },
      { scheme: "untitled", language: "markdown" },
    ],
    initializationOptions: settings(),
    synchronize: { configurationSection: "kanclint" },
  };
  client = new LanguageClient("kanclint", "kanclint", serverOptions, clientOptions);
  await client.start();
}

async function activate(context) {
  await start();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("kanclint.path")) {
        await client.stop();
        await start();  // a different executable needs a new process
      }
    }),
  );
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
