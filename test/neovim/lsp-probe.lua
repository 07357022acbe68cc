-- Neovim LSP probe for the IMR language server (test/neovim/neovim.test.ts runs it).
--
-- Uses only the built-in LSP client API that Neovim 0.7 already has (vim.lsp.start_client,
-- vim.lsp.buf_attach_client, vim.lsp.buf_request_sync, vim.diagnostic.get, vim.wait), so it runs on
-- Debian bookworm's nvim 0.7.2 as well as on newer releases.
--
--   IMR_PROBE_FILE=/tmp/x/letter.imr IMR_PROBE_OUT=/tmp/x/result.json \
--   IMR_PROBE_SERVER=bin/imr-language-server.js \
--   nvim --headless --clean -n -c "luafile test/neovim/lsp-probe.lua"
--
-- Environment:
--   IMR_PROBE_FILE         letter to open (filetype is set to `imr`)
--   IMR_PROBE_OUT          where the JSON result is written
--   IMR_PROBE_SERVER       path of bin/imr-language-server.js (started as `node <it> --stdio`)
--   IMR_PROBE_NODE         node executable (default `node`)
--   IMR_PROBE_ROOT         root_dir / workspace folder (default: the letter's folder)
--   IMR_PROBE_SETTINGS     JSON object: the client's `settings` (default {"imr":{}}); pushed with
--                          workspace/didChangeConfiguration in on_init, as nvim-lspconfig does
--   IMR_PROBE_COMPLETIONS  JSON array of {line, character}: textDocument/completion positions
--   IMR_PROBE_HOVERS       JSON array of {line, character}: textDocument/hover positions
--   IMR_PROBE_EDIT         optional JSON {line, character, endCharacter, text}: after the requests,
--                          replace that span in the buffer (nvim sends didChange) and wait for the
--                          diagnostics of the new version
--   IMR_PROBE_TIMEOUT_MS   per-wait timeout (default 30000)
--
-- Exit status: 0 when the result was written without error, 1 otherwise (the JSON then has `error`).

local env = function(name, default)
  local v = os.getenv(name)
  if v == nil or v == '' then
    return default
  end
  return v
end

local out_path = env('IMR_PROBE_OUT', nil)
local result = { nvim = vim.version(), events = {} }
local client_id
local exited = false

local function note(what)
  table.insert(result.events, string.format('%.3f %s', vim.loop.hrtime() / 1e9, what))
end

local function write_result()
  if not out_path then
    io.stderr:write('lsp-probe: IMR_PROBE_OUT is not set\n')
    return
  end
  local f = assert(io.open(out_path, 'w'))
  f:write(vim.json.encode(result))
  f:close()
end

local function fail(msg)
  error({ probe = msg }, 0)
end

local function stop_server(timeout)
  if not client_id or exited then
    return
  end
  local client = vim.lsp.get_client_by_id(client_id)
  if client then
    note('stop')
    client.stop()
    if not vim.wait(timeout, function() return exited end, 20) then
      note('stop timed out: force')
      client.stop(true)
      vim.wait(5000, function() return exited end, 20)
    end
  end
  -- last resort: the child must not outlive the probe
  if not exited and result.server_pid then
    pcall(vim.loop.kill, result.server_pid, 'sigkill')
  end
end

local function main()
  local file = env('IMR_PROBE_FILE', nil) or fail('IMR_PROBE_FILE is not set')
  local server = env('IMR_PROBE_SERVER', nil) or fail('IMR_PROBE_SERVER is not set')
  local timeout = tonumber(env('IMR_PROBE_TIMEOUT_MS', '30000'))
  local settings = vim.json.decode(env('IMR_PROBE_SETTINGS', '{"imr":{}}'))
  local completions = vim.json.decode(env('IMR_PROBE_COMPLETIONS', '[]'))
  local hovers = vim.json.decode(env('IMR_PROBE_HOVERS', '[]'))
  local edit = env('IMR_PROBE_EDIT', nil)
  edit = edit and vim.json.decode(edit) or nil
  local root = env('IMR_PROBE_ROOT', vim.fn.fnamemodify(file, ':p:h'))

  local bufnr = vim.fn.bufadd(file)
  vim.fn.bufload(bufnr)
  vim.api.nvim_set_current_buf(bufnr)
  vim.bo[bufnr].filetype = 'imr'
  local uri = vim.uri_from_bufnr(bufnr)
  result.uri = uri

  -- every publishDiagnostics for the letter, as received, before nvim converts it
  local published = {}
  local server_requests = {}
  local messages = {}
  local function wrap(method, record)
    local default = vim.lsp.handlers[method]
    return function(err, res, ctx, config)
      record(res)
      if default then
        return default(err, res, ctx, config)
      end
      return vim.NIL
    end
  end

  local handlers = {
    ['textDocument/publishDiagnostics'] = wrap('textDocument/publishDiagnostics', function(res)
      note('publishDiagnostics ' .. tostring(res and res.uri) .. ' v' .. tostring(res and res.version) .. ' n' .. tostring(res and #res.diagnostics))
      if res and res.uri == uri then
        table.insert(published, res)
      end
    end),
    ['workspace/configuration'] = wrap('workspace/configuration', function(res)
      table.insert(server_requests, { method = 'workspace/configuration', params = res })
    end),
    ['client/registerCapability'] = wrap('client/registerCapability', function(res)
      table.insert(server_requests, { method = 'client/registerCapability', params = res })
    end),
    ['window/showMessage'] = wrap('window/showMessage', function(res)
      table.insert(messages, res)
    end),
    ['window/logMessage'] = wrap('window/logMessage', function(res)
      table.insert(messages, res)
    end),
  }

  local initialized = false
  client_id = vim.lsp.start_client({
    name = 'imr',
    cmd = { env('IMR_PROBE_NODE', 'node'), server, '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') } },
    settings = settings,
    handlers = handlers,
    on_init = function(client, init_result)
      initialized = true
      result.server_info = init_result.serverInfo
      result.server_capabilities = init_result.capabilities
      result.offset_encoding = client.offset_encoding
      note('initialized')
      -- nvim 0.7 neither advertises workspace.configuration nor pushes `settings` by itself
      client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
    end,
    on_exit = function(code, signal)
      exited = true
      result.server_exit = { code = code, signal = signal }
    end,
  })
  if not client_id then
    fail('vim.lsp.start_client did not start ' .. server)
  end
  local client = vim.lsp.get_client_by_id(client_id)
  result.server_pid = client and client.rpc and client.rpc.pid or nil
  note('started pid ' .. tostring(result.server_pid))
  if not vim.lsp.buf_attach_client(bufnr, client_id) then
    fail('vim.lsp.buf_attach_client failed')
  end

  if not vim.wait(timeout, function() return initialized or exited end, 20) or exited then
    fail(string.format('the server did not initialize within %d ms (exited: %s)', timeout, tostring(exited)))
  end
  if not vim.wait(timeout, function() return #published > 0 or exited end, 20) or exited then
    fail(string.format('no textDocument/publishDiagnostics for %s within %d ms (exited: %s)', uri, timeout, tostring(exited)))
  end

  local function snapshot()
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      table.insert(list, {
        lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
        code = d.code, source = d.source, message = d.message, severity = d.severity,
      })
    end
    table.sort(list, function(a, b)
      if a.lnum ~= b.lnum then return a.lnum < b.lnum end
      return a.col < b.col
    end)
    return list
  end
  result.diagnostics = snapshot()
  result.published = published[#published]
  result.published_count = #published

  local function request(method, params)
    local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, timeout)
    if not responses then
      fail(string.format('%s: no answer within %d ms (%s)', method, timeout, tostring(err)))
    end
    local r = responses[client_id]
    if not r then
      fail(method .. ': no response from the imr client')
    end
    if r.err or r.error then
      fail(method .. ': ' .. vim.inspect(r.err or r.error))
    end
    return r.result
  end

  result.completions = {}
  for _, pos in ipairs(completions) do
    local r = request('textDocument/completion', { textDocument = { uri = uri }, position = pos })
    local items = (r and r ~= vim.NIL) and (r.items or r) or {}
    local labels, preselect = {}, {}
    for _, item in ipairs(items) do
      table.insert(labels, item.label)
      if item.preselect then table.insert(preselect, item.label) end
    end
    table.insert(result.completions, {
      position = pos, labels = labels, preselect = preselect,
      isIncomplete = type(r) == 'table' and r.isIncomplete or false,
      first = items[1],
    })
  end

  result.hovers = {}
  for _, pos in ipairs(hovers) do
    local r = request('textDocument/hover', { textDocument = { uri = uri }, position = pos })
    local entry = { position = pos }
    if r and r ~= vim.NIL then
      entry.kind = type(r.contents) == 'table' and r.contents.kind or nil
      entry.value = type(r.contents) == 'table' and r.contents.value or r.contents
      entry.range = r.range
      -- what nvim would show in its hover float
      entry.shown = vim.lsp.util.convert_input_to_markdown_lines(r.contents)
    end
    table.insert(result.hovers, entry)
  end

  if edit then
    local before = #published
    vim.api.nvim_buf_set_text(bufnr, edit.line, edit.character, edit.line, edit.endCharacter, { edit.text })
    local version = vim.lsp.util.buf_versions[bufnr]
    note('edited, buffer version ' .. tostring(version))
    local function current()
      for k = #published, before + 1, -1 do
        if published[k].version == version then return true end
      end
      return false
    end
    if not vim.wait(timeout, function() return current() or exited end, 20) or exited then
      fail(string.format('no diagnostics for version %s after the edit within %d ms', tostring(version), timeout))
    end
    result.after_edit = {
      version = version,
      text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n'),
      diagnostics = snapshot(),
      published = published[#published],
    }
  end

  result.server_requests = server_requests
  result.messages = messages
  stop_server(timeout)
  result.server_exited = exited
end

local ok, err = xpcall(main, function(e)
  if type(e) == 'table' and e.probe then return e.probe end
  return debug.traceback(tostring(e), 2)
end)
if not ok then
  result.error = err
  io.stderr:write('lsp-probe: ' .. tostring(err) .. '\n')
  pcall(stop_server, 5000)
end
local wrote, werr = pcall(write_result)
if not wrote then
  io.stderr:write('lsp-probe: cannot write the result: ' .. tostring(werr) .. '\n')
  ok = false
end
if ok then
  vim.cmd('qa!')
else
  vim.cmd('cquit 1')
end
