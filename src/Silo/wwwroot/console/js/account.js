// The account page: profile, language and analysis opt-ins (preferences), password change, signing out everywhere,
// the data export and the account's erasure (which asks for the password again and says what goes).
import { authorized, currentUser, getJson, postJson, putJson, signIn, signOut } from './api.js';
import { downloadResponse, facts, showError, view } from './dom.js';
import { formatDateTime, onLanguageChange, t } from './i18n.js';

/**
 * @param {HTMLElement} main
 * @param {{ savePreferences(changes): Promise<object>, preferences(): Promise<object>, erased(): void }} account the
 *   shell's preferences, and what it says on the sign-in page once the account is gone
 */
export function renderAccount(main, account) {
  main.replaceChildren(view('view-account'));
  const $ = selector => main.querySelector(selector);
  const profileForm = $('#profile-form');
  const preferencesForm = $('#preferences-form');
  const passwordForm = $('#password-form');
  const deleteForm = $('#delete-form');
  let profile = null;
  let closed = false;
  // The two forms that show stored values stay disabled until those values arrive: a change made before would be
  // overwritten by the late fill, and a save would send the defaults back.
  setEnabled(profileForm, false);
  setEnabled(preferencesForm, false);

  function drawProfile() {
    if (!profile) {
      return;
    }
    facts($('#profile-facts'), [
      [t('account.email'), profile.email],
      [t('account.since'), formatDateTime(profile.createdAt)],
    ]);
  }

  function fillPreferences(preferences) {
    preferencesForm.language.value = preferences.language;
    preferencesForm.textEmotion.checked = preferences.analysis.textEmotion;
    preferencesForm.faceEmotion.checked = preferences.analysis.faceEmotion;
    preferencesForm.voice.checked = preferences.analysis.voice;
    preferencesForm.distortions.checked = preferences.analysis.distortions;
  }

  /** Runs a form's action with its button disabled, showing the outcome in the form's alert and status lines. */
  async function submit(form, name, action) {
    const button = form.querySelector('button[type=submit]');
    const error = $(`#${name}-error`);
    const status = $(`#${name}-status`);
    button.disabled = true;
    showError(error, null);
    if (status) {
      status.textContent = '';
    }
    try {
      const message = await action();
      if (status && message && !closed) {
        status.textContent = message;
      }
    } catch (failure) {
      showError(error, failure);
    } finally {
      button.disabled = false;
    }
  }

  profileForm.addEventListener('submit', event => {
    event.preventDefault();
    submit(profileForm, 'profile', async () => {
      profile = await putJson('/api/user/me', { displayName: profileForm.displayName.value.trim() });
      drawProfile();
      return t('account.saved');
    });
  });

  preferencesForm.addEventListener('submit', event => {
    event.preventDefault();
    submit(preferencesForm, 'preferences', async () => {
      const saved = await account.savePreferences({
        language: preferencesForm.language.value,
        analysis: {
          textEmotion: preferencesForm.textEmotion.checked,
          faceEmotion: preferencesForm.faceEmotion.checked,
          voice: preferencesForm.voice.checked,
          distortions: preferencesForm.distortions.checked,
        },
      });
      fillPreferences(saved);
      return t('account.saved');
    });
  });

  passwordForm.addEventListener('submit', event => {
    event.preventDefault();
    submit(passwordForm, 'password', async () => {
      const newPassword = passwordForm.newPassword.value;
      await postJson('/api/user/me/password', { currentPassword: passwordForm.currentPassword.value, newPassword });
      // The change ends every sign-in, this page's too: sign in again with the new password to carry on here.
      await signIn(currentUser()?.email ?? profile.email, newPassword);
      passwordForm.reset();
      return t('account.passwordChanged');
    });
  });

  $('#download-export').addEventListener('click', async () => {
    const error = $('#export-error');
    showError(error, null);
    try {
      await downloadResponse(await authorized('/api/user/me/export'), `bemore-export-${profile?.id ?? 'me'}.json`);
    } catch (failure) {
      showError(error, failure);
    }
  });

  $('#sign-out-everywhere').addEventListener('click', async () => {
    const error = $('#logout-all-error');
    showError(error, null);
    try {
      await postJson('/api/auth/logout-all', {});
      await signOut();
    } catch (failure) {
      showError(error, failure);
    }
  });

  deleteForm.addEventListener('submit', event => {
    event.preventDefault();
    submit(deleteForm, 'delete', async () => {
      await authorized('/api/user/me', { method: 'DELETE', json: { password: deleteForm.password.value } });
      account.erased();
      await signOut();
    });
  });

  Promise.all([getJson('/api/user/me'), account.preferences()])
    .then(([loaded, preferences]) => {
      if (closed) {
        return;
      }
      profile = loaded;
      profileForm.displayName.value = profile.displayName;
      drawProfile();
      fillPreferences(preferences);
      setEnabled(profileForm, true);
      setEnabled(preferencesForm, true);
    })
    .catch(failure => showError($('#profile-error'), failure));

  const stopListening = onLanguageChange(drawProfile);
  return () => {
    closed = true;
    stopListening();
  };
}

function setEnabled(form, enabled) {
  for (const control of form.elements) {
    control.disabled = !enabled;
  }
}
