namespace Superapps.Letters.Contracts;

/// <summary>Klasifikasi keamanan: who may see a letter.</summary>
public enum SecurityClass
{
    /// <summary>Biasa: its recipients and everyone on its disposition chain.</summary>
    Biasa = 0,

    /// <summary>Terbatas: only people named on the chain; views are logged.</summary>
    Terbatas = 1,

    /// <summary>Rahasia: only people named on the chain; views are logged.</summary>
    Rahasia = 2,

    /// <summary>Sangat Rahasia: only people named on the chain; views are logged.</summary>
    SangatRahasia = 3,
}

/// <summary>Sifat/derajat kecepatan: how fast a letter must be handled.</summary>
public enum Urgency
{
    Biasa = 0,

    /// <summary>Segera: dispositions default to a 48-hour deadline.</summary>
    Segera = 1,

    /// <summary>Sangat Segera: dispositions default to a 24-hour deadline.</summary>
    SangatSegera = 2,
}

/// <summary>
/// Receives letters sent electronically by another OPD of the city (drafted and signed in the portal),
/// so that nobody re-types them. Implemented by the Letters module.
/// </summary>
public interface IInternalLetterInbox
{
    /// <summary>Registers the letter in the receiving OPD's agenda and delivers it to the addressed position. Idempotent per <see cref="InternalLetter.SourceId"/>.</summary>
    Task<Guid> DeliverAsync(InternalLetter letter, CancellationToken cancellationToken = default);
}

/// <param name="SourceId">The sending side's id of this delivery, one per addressee, for idempotency: delivering it again changes nothing.</param>
/// <param name="AddresseePositionId">The position the letter is addressed to (usually the head of the receiving OPD).</param>
/// <param name="Pdf">The signed letter.</param>
/// <param name="Copy">Tembusan: the position receives a copy for information. It is marked "Tembusan" in the inbox and on the letter, and is
/// not a letter awaiting follow-up in the counters.</param>
public sealed record InternalLetter(
    Guid SourceId,
    Guid SenderAgencyId,
    string SenderName,
    string Number,
    DateOnly Date,
    string Subject,
    SecurityClass SecurityClass,
    Urgency Urgency,
    string ClassificationCode,
    Guid AddresseePositionId,
    byte[] Pdf,
    bool Copy = false);
