/// How a client rereads the store when the read comes back torn: another process is writing the
/// file in place at that moment, most likely the very pair the read is looking for. A torn read
/// is not an answer, so it does not decide; the client reads again after `pause`, up to `reads`
/// reads in all, and only a whole read decides. Only where the coordination's modelled client
/// retries a read that fails to parse (`RefreshCoordinator.retriesTornReads`: lock-on-write,
/// msal-extensions); the others' clients take a torn file as no credentials. The engine applies
/// it to two rereads:
///
/// - after its refresh token was refused: a newer pair is adopted; the rejected token or no
///   session means needs-login. A file still torn at the last read cannot be read at all, and
///   the needs-login alert is then right.
/// - before a refresh: a newer pair is adopted instead of refreshing, otherwise the refresh goes
///   on with the pair held; a file still torn at the last read fails the calls waiting (the
///   client re-raises the parse error), and no request is sent with a token the file may already
///   have replaced.
///
/// The numbers are msal-extensions': `PersistedTokenCache` reads the cache file without the lock
/// ("optimistic locking") and, when the read fails ("presumably other processes are writing the
/// file, causing dirty read"), sleeps 0.5 s and tries again, three attempts in all, re-raising the
/// last failure (AzureAD/microsoft-authentication-extensions-for-python,
/// `msal_extensions/token_cache.py`, `PersistedTokenCache._find`; the Azure CLI's
/// `azure/cli/core/auth/persistence.py` `SecretStore.load` does the same). Both rereads use them:
/// they are the same read of the same file.
enum TornRereadRetry {
  /// Reads in all, the first included, before a torn file is taken as unreadable.
  static let reads = 3
  /// The wait between a torn read and the next.
  static let pause = SimDuration.milliseconds(500)

  /// Whether `result`, read after `tornReads` earlier torn reads of the same reread, is read
  /// again after `pause`: it is torn and reads are left.
  static func readsAgain(after result: StoreReadResult, tornReads: Int8) -> Bool {
    result == .torn && Int(tornReads) + 1 < reads
  }
}
