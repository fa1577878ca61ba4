namespace Superapps.Benchmarks.Generation;

/// <summary>A row of <c>letters.letters</c> (the search vector is a generated column: PostgreSQL fills it).</summary>
internal sealed record LetterRow(
    Guid Id,
    Guid AgencyId,
    int AgendaYear,
    int AgendaNumber,
    int Origin,
    Guid? SourceId,
    string Sender,
    Guid? SenderAgencyId,
    string SenderNumber,
    DateOnly SenderDate,
    string Subject,
    int SecurityClass,
    int Urgency,
    string ClassificationCode,
    DateTimeOffset ReceivedAt,
    Guid RegisteredByEmployeeId,
    string RegisteredByName,
    Guid AddresseePositionId,
    string AddresseeTitle,
    int Status,
    DateTimeOffset? ClosedAt);

/// <summary>A row of <c>letters.recipients</c>.</summary>
internal sealed record RecipientRow(Guid Id, Guid LetterId, Guid PositionId, string Title, int Kind, DateTimeOffset? ReadAt, Guid? ReadByEmployeeId);

/// <summary>A row of <c>letters.dispositions</c> (the search vector is a generated column).</summary>
internal sealed record DispositionRow(
    Guid Id,
    Guid LetterId,
    Guid? ParentId,
    Guid? RequestId,
    Guid FromEmployeeId,
    string FromName,
    Guid FromPositionId,
    string FromTitle,
    Guid ToPositionId,
    string ToTitle,
    Guid? ToEmployeeId,
    string? ToName,
    string[] Instructions,
    string? Note,
    DateTimeOffset? Deadline,
    DateTimeOffset SentAt,
    DateTimeOffset? ReadAt,
    int Status,
    DateTimeOffset? DoneAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? CancelledAt,
    string? Report);

/// <summary>Where generated rows go: PostgreSQL (binary COPY) or, in tests, a counter.</summary>
internal interface ILetterRowSink
{
    void Letter(LetterRow row);

    void Recipient(RecipientRow row);

    void Disposition(DispositionRow row);
}
