// Placeholder until the board client lands: shows that the served page and the API talk.
const status = document.createElement('p');
status.setAttribute('role', 'status');
document.getElementById('root')?.append(status);
fetch('/healthz')
  .then((response) => {
    status.textContent = response.ok ? 'Server is up.' : 'Server is not ready.';
  })
  .catch(() => {
    status.textContent = 'Server is unreachable.';
  });
