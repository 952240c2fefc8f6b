// The page's whole logic: build a form from GET /v1/model, send it to POST /v1/explain as multipart/form-data,
// draw the answer. No framework and nothing fetched from elsewhere (the server may run offline).
'use strict';

const $ = id => document.getElementById(id);
let model = null;

function headers() {
  const key = $('key').value.trim();
  return key ? { Authorization: 'Bearer ' + key } : {};
}

async function loadModel() {
  const response = await fetch('/v1/model', { headers: headers() });
  if (response.status === 401) {
    $('key-row').hidden = false;
    $('about').textContent = 'This server needs an API key: enter it above.';
    return;
  }
  if (!response.ok) throw new Error('GET /v1/model: ' + response.status);
  model = await response.json();
  $('about').textContent = `${model.file} · ${model.task} · ${model.strategy} · label ${model.label ?? ''}`;
  buildForm();
}

function buildForm() {
  const form = $('form');
  form.replaceChildren();
  for (const column of model.columns) {
    const label = document.createElement('label');
    label.append(column.name + ' ');
    const hint = document.createElement('small');
    hint.textContent = column.role;
    label.append(hint);
    let input;
    if (column.role === 'image' || column.role === 'audio') {
      input = document.createElement('input');
      input.type = 'file';
      input.accept = column.role + '/*';
    } else if (column.role === 'text') {
      input = document.createElement('textarea');
      input.rows = 2;
    } else {
      input = document.createElement('input');
      input.type = column.role === 'numeric' ? 'number' : 'text';
      if (column.role === 'numeric') input.step = 'any';
    }
    input.name = column.name;
    input.dataset.column = column.name;
    label.append(input);
    form.append(label);
  }
  const submit = document.createElement('button');
  submit.type = 'submit';
  submit.id = 'submit';
  submit.textContent = 'Predict';
  form.append(submit);
}

async function predict(event) {
  event.preventDefault();
  $('error').textContent = '';
  const body = new FormData();
  for (const input of $('form').querySelectorAll('[data-column]')) {
    // Left empty, a column is absent: the model handles it as a missing modality.
    if (input.type === 'file') {
      if (input.files.length > 0) body.append(input.name, input.files[0]);
    } else if (input.value !== '') {
      body.append(input.name, input.value);
    }
  }
  const response = await fetch('/v1/explain', { method: 'POST', body, headers: headers() });
  const answer = await response.json();
  if (!response.ok) {
    $('result').hidden = true;
    $('error').textContent = (answer.title ?? 'Error') + ': ' + (answer.detail ?? response.status);
    return;
  }
  show(answer.predictions[0]);
}

function bars(container, entries, scale) {
  container.replaceChildren();
  for (const [name, value] of entries) {
    const label = document.createElement('span');
    label.textContent = name;
    const track = document.createElement('span');
    const bar = document.createElement('div');
    bar.className = value < 0 ? 'bar neg' : 'bar';
    bar.style.width = (100 * Math.min(1, Math.abs(value) / scale)) + '%';
    track.append(bar);
    const number = document.createElement('span');
    number.className = 'num';
    number.textContent = value.toFixed(3);
    container.append(label, track, number);
  }
}

function show(prediction) {
  $('result').hidden = false;
  const shown = prediction.prediction ?? prediction.value;
  $('prediction').textContent = String(shown);
  $('prediction').dataset.value = String(shown);
  $('absent').textContent = prediction.absent.length ? '(absent: ' + prediction.absent.join(', ') + ')' : '';
  const probabilities = Object.entries(prediction.probabilities ?? {});
  bars($('probabilities'), probabilities, 1);
  const contributions = Object.entries(prediction.explanation?.contributions ?? {});
  bars($('contributions'), contributions, Math.max(1e-9, ...contributions.map(([, v]) => Math.abs(v))));
  document.body.dataset.state = 'shown';
}

$('form').addEventListener('submit', predict);
$('key').addEventListener('change', () => loadModel().catch(e => { $('error').textContent = e.message; }));
loadModel().catch(e => { $('error').textContent = e.message; });
