-- Run by neovim_test.sh: attaches `caselint lsp` to a Markdown buffer with
-- Neovim's built-in LSP client (the 0.7 API), waits for its diagnostics and
-- writes them to OUT, one "CODE LINE" per line (0-based lines).
local caselint = os.getenv("CASELINT")
local study = os.getenv("STUDY")
local out = os.getenv("OUT")

vim.cmd("edit " .. vim.fn.fnameescape(study))
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = "markdown"

local client_id = vim.lsp.start_client({
  name = "caselint",
  cmd = { caselint, "lsp" },
  root_dir = vim.fn.fnamemodify(study, ":h"),
})
local lines = {}
local fix = nil  -- the ST001 quick fix, applied once every finding is read
if not client_id then
  table.insert(lines, "ERROR start_client failed")
else
  vim.lsp.buf_attach_client(bufnr, client_id)
  local ok = vim.wait(10000, function()
    return #vim.diagnostic.get(bufnr) > 0
  end, 100)
  if not ok then
    table.insert(lines, "ERROR no diagnostics within 10 s")
  end
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(lines, string.format("%s %d %d %s", tostring(d.code), d.lnum, d.severity, d.source or ""))
    -- What the client makes of the server's answers at each finding: the
    -- code actions' titles and whether hover shows the rule's doc.
    local range = {
      start = { line = d.lnum, character = d.col },
      ["end"] = { line = d.end_lnum or d.lnum, character = d.end_col or d.col },
    }
    local uri = vim.uri_from_bufnr(bufnr)
    local actions = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", {
      textDocument = { uri = uri }, range = range, context = { diagnostics = {} },
    }, 5000) or {}
    for _, res in pairs(actions) do
      for _, a in ipairs(res.result or {}) do
        table.insert(lines, string.format("ACTION %s %s", tostring(d.code), a.title))
        if d.code == "ST001" and a.edit then
          fix = { edit = a.edit, lnum = d.lnum }
        end
      end
    end
    local hover = vim.lsp.buf_request_sync(bufnr, "textDocument/hover", {
      textDocument = { uri = uri }, position = range.start,
    }, 5000) or {}
    for _, res in pairs(hover) do
      local value = res.result and res.result.contents and res.result.contents.value or ""
      if value:find("# " .. tostring(d.code), 1, true) then
        table.insert(lines, string.format("HOVER %s", tostring(d.code)))
      end
    end
  end
end
-- The quick fix as the editor applies it: the line it leaves.
if fix then
  vim.lsp.util.apply_workspace_edit(fix.edit, "utf-16")
  table.insert(lines, "FIXED " .. vim.api.nvim_buf_get_lines(bufnr, fix.lnum, fix.lnum + 1, false)[1])
end
vim.fn.writefile(lines, out)
if client_id then
  vim.lsp.stop_client(client_id)
  vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
end
vim.cmd("qall!")
