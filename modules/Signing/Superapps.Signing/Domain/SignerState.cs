namespace Superapps.Signing.Domain;

/// <summary>
/// A signer's passphrase lockout and, for BSrE, their NIK. Five wrong passphrases in a row lock signing for fifteen
/// minutes; a correct one resets the count. Stored per employee so a restart does not unlock.
/// </summary>
public sealed class SignerState
{
    public const int MaxFailedAttempts = 5;

    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(15);

    private SignerState()
    {
    }

    public SignerState(Guid employeeId) => EmployeeId = employeeId;

    public Guid EmployeeId { get; private set; }

    /// <summary>Wrong passphrases since the last correct one or the last lock.</summary>
    public int FailedAttempts { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    /// <summary>The 16-digit national ID the BSrE service binds certificates to.</summary>
    public string? Nik { get; private set; }

    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && now < until;

    /// <summary>Counts a wrong passphrase; returns how many attempts are left before the lock (0 when this one locked).</summary>
    public int RegisterFailure(DateTimeOffset now)
    {
        if (LockedUntil is { } until && now >= until)
        {
            LockedUntil = null;
        }

        FailedAttempts++;
        if (FailedAttempts >= MaxFailedAttempts)
        {
            FailedAttempts = 0;
            LockedUntil = now + LockDuration;
            return 0;
        }

        return MaxFailedAttempts - FailedAttempts;
    }

    /// <summary>A correct passphrase: the count starts again.</summary>
    public void RegisterSuccess()
    {
        FailedAttempts = 0;
        LockedUntil = null;
    }

    public void SetNik(string nik) => Nik = nik;
}
