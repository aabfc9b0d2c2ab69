// Wagtail's autosave creates a new page with its first request and only then points the
// editor's form at the page's edit view. A save clicked while that request is on its way
// would post to the create view as well: a second page, or "slug already in use" with the
// autosaved page left behind. Such a click waits for the autosave's answer, then goes on,
// to the edit view if the autosave created the page. On the edit view it likewise keeps a
// click from racing an autosave of the same draft.
(() => {
  const form = document.querySelector('form[data-edit-form][data-controller~="w-autosave"]');
  if (!form) return;
  // Never hold a click for longer than this, even if no answer is heard.
  const longestWait = 15000;
  let pending = null; // resolves when the autosave on its way has been answered
  let settle = () => {};
  const answered = () => {
    settle();
    pending = null;
  };

  form.addEventListener('w-autosave:save', (event) => {
    pending = new Promise((resolve) => {
      settle = resolve;
    });
    // A save another listener cancels sends nothing, so no answer would come.
    queueMicrotask(() => event.defaultPrevented && answered());
  });
  form.addEventListener('w-autosave:success', answered);
  form.addEventListener('w-autosave:error', answered);

  form.addEventListener(
    'submit',
    (event) => {
      if (!pending) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const { submitter } = event;
      const timeout = new Promise((resolve) => setTimeout(resolve, longestWait));
      Promise.race([pending, timeout]).then(() => {
        pending = null;
        // Wagtail's progress button disables itself once clicked; a disabled submitter
        // would leave its action (submit, publish) out of the form data.
        if (submitter) submitter.disabled = false;
        form.requestSubmit(submitter || undefined);
      });
    },
    true,
  );
})();
