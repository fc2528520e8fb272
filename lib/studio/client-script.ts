// The studio page's script, served as /studio.js: plain JavaScript (no build step), run in the
// browser. It loads RPC options with the form's current values, shows nested parameters for the
// chosen option, adds and removes array items, checks the form as Make's dialog does, runs the
// module and renders its bundles as a collapsible tree with the request log.
export const CLIENT_SCRIPT = String.raw`
'use strict';
(function () {
  var form = document.getElementById('module-form');
  if (!form) return;
  var main = document.querySelector('main.module');
  var moduleName = main.getAttribute('data-module');

  function ownFields(container) {
    var out = [];
    Array.prototype.forEach.call(container.children, function (child) {
      if (child.classList.contains('field')) out.push(child);
      else if (child.classList.contains('nested')) { if (!child.hidden) out = out.concat(ownFields(child)); }
      else if (!child.classList.contains('collection') && !child.classList.contains('items')) out = out.concat(ownFields(child));
    });
    return out;
  }

  function nestedOfField(field) {
    var out = [];
    Array.prototype.forEach.call(field.children, function (child) {
      if (child.classList.contains('nested') && !child.hidden) out = out.concat(ownFields(child));
    });
    return out;
  }

  function readValue(field) {
    var type = field.getAttribute('data-type');
    var control = field.querySelector(':scope > .value');
    if (!control) return undefined;
    if (type === 'boolean') return control.checked;
    if (type === 'collection') return readFields(ownFields(control));
    if (type === 'array') {
      var primitive = control.getAttribute('data-primitive') === 'true';
      var items = control.querySelectorAll(':scope > .items > .item');
      var list = Array.prototype.map.call(items, function (item) {
        var value = readFields(ownFields(item));
        return primitive ? value[Object.keys(value)[0]] : value;
      }).filter(function (value) { return value !== undefined; });
      return list.length ? list : undefined;
    }
    if (type === 'select') {
      var typed = field.querySelector(':scope > .typed');
      if (typed && typed.value.trim() !== '') return typed.value.trim();
      var chosen = Array.prototype.filter.call(control.options, function (o) { return o.selected && o.value !== ''; })
        .map(function (o) { return JSON.parse(o.value); });
      if (control.multiple) return chosen.length ? chosen : undefined;
      return chosen[0];
    }
    var raw = control.value;
    if (raw === '') return undefined;
    if (type === 'number' || type === 'integer' || type === 'uinteger') return Number(raw);
    return raw;
  }

  function readFields(fields) {
    var out = {};
    fields.forEach(function (field) {
      var value = readValue(field);
      if (value !== undefined) out[field.getAttribute('data-name')] = value;
      var nested = readFields(nestedOfField(field));
      Object.keys(nested).forEach(function (key) { out[key] = nested[key]; });
    });
    return out;
  }

  function formValues() { return readFields(ownFields(form)); }

  // Nested parameters follow their select's choice.
  function syncNested(select) {
    var field = select.closest('.field');
    var chosen = Array.prototype.filter.call(select.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
    Array.prototype.forEach.call(field.querySelectorAll(':scope > .nested'), function (nested) {
      nested.hidden = chosen.indexOf(nested.getAttribute('data-when')) === -1;
    });
  }

  function loadRpc(select) {
    var previous = Array.prototype.filter.call(select.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
    select.setAttribute('data-loading', 'true');
    return fetch('/api/rpc/' + encodeURIComponent(select.getAttribute('data-rpc')), {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(formValues()),
    }).then(function (response) { return response.json(); }).then(function (result) {
      var keep = select.multiple ? '' : '<option value="">(none)</option>';
      select.innerHTML = keep;
      (result.items || []).forEach(function (item) {
        var option = document.createElement('option');
        option.value = JSON.stringify(item.value);
        option.textContent = item.label;
        option.selected = previous.indexOf(option.value) !== -1;
        select.appendChild(option);
      });
      var error = select.closest('.field').querySelector(':scope > .error');
      error.textContent = result.error ? 'Options could not be loaded: ' + result.error.message : '';
      select.setAttribute('data-loaded', String((result.items || []).length));
      select.removeAttribute('data-loading');
    });
  }

  function loadAllRpcs(except) {
    Array.prototype.forEach.call(form.querySelectorAll('select[data-rpc]'), function (select) {
      if (select !== except && !select.closest('template')) loadRpc(select);
    });
  }

  function addItem(array) {
    var template = array.querySelector(':scope > template');
    var item = template.content.firstElementChild.cloneNode(true);
    array.querySelector(':scope > .items').appendChild(item);
    Array.prototype.forEach.call(item.querySelectorAll('select[data-rpc]'), loadRpc);
  }

  form.addEventListener('click', function (event) {
    var target = event.target;
    if (target.classList.contains('add')) addItem(target.closest('.array'));
    if (target.classList.contains('remove')) target.closest('.item').remove();
  });
  form.addEventListener('change', function (event) {
    var target = event.target;
    if (target.tagName === 'SELECT') syncNested(target);
    if (target.id === 'show-advanced') form.classList.toggle('show-advanced', target.checked);
    else loadAllRpcs(target);
  });
  Array.prototype.forEach.call(form.querySelectorAll('select'), syncNested);
  loadAllRpcs();

  // Make's dialog checks: required, numeric bounds, patterns.
  function validate() {
    var ok = true;
    Array.prototype.forEach.call(form.querySelectorAll('.field'), function (field) {
      var error = field.querySelector(':scope > .error');
      error.textContent = '';
      if (field.closest('template') || field.closest('.nested[hidden]')) return;
      if (field.getAttribute('data-advanced') === 'true' && !form.classList.contains('show-advanced')) return;
      var value = readValue(field);
      var message = '';
      if (field.getAttribute('data-required') === 'true' && (value === undefined || value === '')) message = 'Value must not be empty.';
      var min = field.getAttribute('data-min'), max = field.getAttribute('data-max');
      if (!message && typeof value === 'number') {
        if (min !== null && value < Number(min)) message = 'Value must be greater than or equal to ' + min + '.';
        if (max !== null && value > Number(max)) message = 'Value must be lower than or equal to ' + max + '.';
      }
      var pattern = field.getAttribute('data-pattern');
      if (!message && pattern && typeof value === 'string' && !new RegExp(pattern).test(value)) message = 'Value does not match the pattern ' + pattern + '.';
      if (message) { error.textContent = message; ok = false; }
    });
    return ok;
  }

  function tree(value) {
    if (value === null || typeof value !== 'object') {
      var span = document.createElement('span');
      span.className = 'leaf ' + (value === null ? 'null' : typeof value);
      span.textContent = JSON.stringify(value);
      return span;
    }
    var list = document.createElement('ul');
    Object.keys(value).forEach(function (key) {
      var li = document.createElement('li');
      var child = value[key];
      if (child !== null && typeof child === 'object') {
        var details = document.createElement('details');
        details.open = true;
        var summary = document.createElement('summary');
        summary.textContent = key + (Array.isArray(child) ? ' [' + child.length + ']' : '');
        details.appendChild(summary);
        details.appendChild(tree(child));
        li.appendChild(details);
      } else {
        var name = document.createElement('span');
        name.className = 'key';
        name.textContent = key + ': ';
        li.appendChild(name);
        li.appendChild(tree(child));
      }
      list.appendChild(li);
    });
    return list;
  }

  function showBundles(container, bundles) {
    bundles.forEach(function (bundle, i) {
      var details = document.createElement('details');
      details.className = 'bundle';
      details.open = i === 0;
      var summary = document.createElement('summary');
      summary.textContent = 'Bundle ' + (i + 1);
      details.appendChild(summary);
      details.appendChild(tree(bundle));
      container.appendChild(details);
    });
  }

  function showResult(result) {
    var output = document.getElementById('output');
    var bundles = output.querySelector('.bundles');
    bundles.innerHTML = '';
    var error = document.getElementById('error');
    error.hidden = !result.error;
    if (result.error) {
      error.querySelector('.type').textContent = result.error.type;
      error.querySelector('.message').textContent = result.error.message;
    }
    output.hidden = !result.bundles;
    if (result.bundles) {
      output.querySelector('.count').textContent = '(' + result.bundles.length + ' bundle' + (result.bundles.length === 1 ? '' : 's') + ')';
      showBundles(bundles, result.bundles);
    }
    var log = document.getElementById('log');
    var entries = log.querySelector('.entries');
    entries.innerHTML = '';
    (result.log || []).forEach(function (entry) {
      var li = document.createElement('li');
      var details = document.createElement('details');
      var summary = document.createElement('summary');
      summary.textContent = entry.method + ' ' + entry.url + ' → ' + (entry.status === undefined ? 'no response' : entry.status);
      details.appendChild(summary);
      details.appendChild(tree(entry.detail));
      li.appendChild(details);
      entries.appendChild(li);
    });
    log.hidden = entries.children.length === 0;
  }

  var run = document.getElementById('run');
  if (run) {
    run.addEventListener('click', function () {
      var status = document.getElementById('status');
      if (!validate()) { status.textContent = 'Check the highlighted fields.'; return; }
      status.textContent = 'Running…';
      run.disabled = true;
      fetch('/api/run/' + encodeURIComponent(moduleName), {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(formValues()),
      }).then(function (response) { return response.json(); }).then(function (result) {
        showResult(result);
        status.textContent = result.error ? 'Failed.' : 'Done: ' + result.bundles.length + ' bundle(s).';
      }).catch(function (error) {
        status.textContent = 'The studio could not be reached: ' + error.message;
      }).finally(function () { run.disabled = false; });
    });
  }

  if (main.getAttribute('data-instant') === 'true') {
    var feed = document.getElementById('event-feed');
    var source = new EventSource('/api/events/' + encodeURIComponent(moduleName));
    source.addEventListener('bundles', function (event) {
      var data = JSON.parse(event.data);
      var item = document.createElement('div');
      item.className = 'event';
      showBundles(item, data.bundles);
      feed.insertBefore(item, feed.firstChild);
    });
    document.getElementById('fire').addEventListener('click', function () {
      var name = document.getElementById('event-name').value;
      fetch('/api/fire/' + encodeURIComponent(name), { method: 'POST' });
    });
  }
})();
`;

export const STYLESHEET = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #1f2328; background: #f6f7f9; }
header { background: #fff; border-bottom: 3px solid #f04e23; padding: 12px 24px; }
header h1 { margin: 4px 0; font-size: 20px; }
main { padding: 16px 24px; max-width: 1100px; }
.group ul { list-style: none; padding: 0; }
.group li { background: #fff; margin: 6px 0; padding: 8px 12px; border-radius: 6px; }
.kind { color: #6e7781; font-size: 12px; margin-left: 6px; }
.description { color: #57606a; font-size: 13px; }
.panel { background: #fff; border-radius: 8px; padding: 12px 16px; margin-bottom: 16px; }
.field { margin: 10px 0; }
.field label { display: block; font-weight: 600; }
.required { color: #cf222e; }
.help { color: #57606a; font-size: 12px; margin-top: 2px; }
.error { color: #cf222e; font-size: 12px; }
.field[data-advanced="true"] { display: none; }
.show-advanced .field[data-advanced="true"] { display: block; }
input[type=text], input[type=number], input[type=email], input[type=password], select, textarea { min-width: 320px; padding: 4px 6px; }
select[multiple] { min-height: 90px; }
.typed { margin-left: 8px; min-width: 200px !important; }
fieldset.collection, .array { border: 1px solid #d0d7de; border-radius: 6px; padding: 4px 12px; }
.item { border-left: 3px solid #d0d7de; padding-left: 8px; margin: 6px 0; }
button { background: #f04e23; color: #fff; border: 0; border-radius: 6px; padding: 6px 14px; cursor: pointer; }
button.remove, button.add { background: #57606a; padding: 3px 10px; }
#status { margin-left: 8px; color: #57606a; }
.bundles ul, .entries ul { list-style: none; padding-left: 18px; margin: 2px 0; }
.key { color: #0550ae; }
.leaf.string { color: #116329; } .leaf.number { color: #953800; } .leaf.null { color: #6e7781; }
details.bundle { border-bottom: 1px solid #eaeef2; padding: 4px 0; }
#error .type { font-weight: 700; color: #cf222e; }
`;
