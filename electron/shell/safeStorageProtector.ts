// The OS-protected secret for the keyring (electron/security/keyring.ts): Electron safeStorage
// (Keychain on macOS, DPAPI on Windows, the Secret Service or kwallet on Linux).
import { safeStorage } from 'electron';
import type { SecretProtector } from '../security/keyring.ts';

export function safeStorageProtector(): SecretProtector {
  if (!safeStorage.isEncryptionAvailable()) {
    throw new Error('the operating system offers no protected storage for the database key');
  }
  // on Linux without a keyring service, safeStorage falls back to a hard-coded password: refuse it
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
    throw new Error('no OS keyring (GNOME Keyring or KWallet) is running: the database key would not be protected');
  }
  return {
    encrypt: (plain) => safeStorage.encryptString(plain.toString('base64')),
    decrypt: (blob) => Buffer.from(safeStorage.decryptString(blob), 'base64'),
  };
}
