using Npgsql;
using NpgsqlTypes;

namespace Superapps.Benchmarks.Generation;

/// <summary>
/// Writes generated rows with binary COPY, one connection per table so PostgreSQL works on the three tables at once.
/// Foreign keys are not checked while loading (<c>session_replication_role = replica</c>): the generator keeps them
/// consistent, and the smoke test proves it.
/// </summary>
internal sealed class CopySink : ILetterRowSink, IDisposable
{
    private readonly List<NpgsqlConnection> _connections = [];
    private readonly NpgsqlBinaryImporter _letters;
    private readonly NpgsqlBinaryImporter _recipients;
    private readonly NpgsqlBinaryImporter _dispositions;

    public CopySink(string connectionString)
    {
        _letters = Open(connectionString, """
            COPY letters.letters (id, agency_id, agenda_year, agenda_number, origin, source_id, sender, sender_agency_id, sender_number, sender_date,
              subject, security_class, urgency, classification_code, received_at, registered_by_employee_id, registered_by_name,
              addressee_position_id, addressee_title, status, closed_at) FROM STDIN (FORMAT BINARY)
            """);
        _recipients = Open(connectionString, """
            COPY letters.recipients (id, letter_id, position_id, title, kind, read_at, read_by_employee_id) FROM STDIN (FORMAT BINARY)
            """);
        _dispositions = Open(connectionString, """
            COPY letters.dispositions (id, letter_id, parent_id, request_id, from_employee_id, from_name, from_position_id, from_title,
              to_position_id, to_title, to_employee_id, to_name, instructions, note, deadline, sent_at, read_at, status, done_at,
              accepted_at, cancelled_at, report) FROM STDIN (FORMAT BINARY)
            """);
    }

    public void Letter(LetterRow row)
    {
        var w = _letters;
        w.StartRow();
        w.Write(row.Id, NpgsqlDbType.Uuid);
        w.Write(row.AgencyId, NpgsqlDbType.Uuid);
        w.Write(row.AgendaYear, NpgsqlDbType.Integer);
        w.Write(row.AgendaNumber, NpgsqlDbType.Integer);
        w.Write(row.Origin, NpgsqlDbType.Integer);
        Nullable(w, row.SourceId, NpgsqlDbType.Uuid);
        w.Write(row.Sender, NpgsqlDbType.Varchar);
        Nullable(w, row.SenderAgencyId, NpgsqlDbType.Uuid);
        w.Write(row.SenderNumber, NpgsqlDbType.Varchar);
        w.Write(row.SenderDate, NpgsqlDbType.Date);
        w.Write(row.Subject, NpgsqlDbType.Varchar);
        w.Write(row.SecurityClass, NpgsqlDbType.Integer);
        w.Write(row.Urgency, NpgsqlDbType.Integer);
        w.Write(row.ClassificationCode, NpgsqlDbType.Varchar);
        w.Write(row.ReceivedAt, NpgsqlDbType.TimestampTz);
        w.Write(row.RegisteredByEmployeeId, NpgsqlDbType.Uuid);
        w.Write(row.RegisteredByName, NpgsqlDbType.Varchar);
        w.Write(row.AddresseePositionId, NpgsqlDbType.Uuid);
        w.Write(row.AddresseeTitle, NpgsqlDbType.Varchar);
        w.Write(row.Status, NpgsqlDbType.Integer);
        Nullable(w, row.ClosedAt, NpgsqlDbType.TimestampTz);
    }

    public void Recipient(RecipientRow row)
    {
        var w = _recipients;
        w.StartRow();
        w.Write(row.Id, NpgsqlDbType.Uuid);
        w.Write(row.LetterId, NpgsqlDbType.Uuid);
        w.Write(row.PositionId, NpgsqlDbType.Uuid);
        w.Write(row.Title, NpgsqlDbType.Varchar);
        w.Write(row.Kind, NpgsqlDbType.Integer);
        Nullable(w, row.ReadAt, NpgsqlDbType.TimestampTz);
        Nullable(w, row.ReadByEmployeeId, NpgsqlDbType.Uuid);
    }

    public void Disposition(DispositionRow row)
    {
        var w = _dispositions;
        w.StartRow();
        w.Write(row.Id, NpgsqlDbType.Uuid);
        w.Write(row.LetterId, NpgsqlDbType.Uuid);
        Nullable(w, row.ParentId, NpgsqlDbType.Uuid);
        Nullable(w, row.RequestId, NpgsqlDbType.Uuid);
        w.Write(row.FromEmployeeId, NpgsqlDbType.Uuid);
        w.Write(row.FromName, NpgsqlDbType.Varchar);
        w.Write(row.FromPositionId, NpgsqlDbType.Uuid);
        w.Write(row.FromTitle, NpgsqlDbType.Varchar);
        w.Write(row.ToPositionId, NpgsqlDbType.Uuid);
        w.Write(row.ToTitle, NpgsqlDbType.Varchar);
        Nullable(w, row.ToEmployeeId, NpgsqlDbType.Uuid);
        NullableText(w, row.ToName);
        w.Write(row.Instructions, NpgsqlDbType.Array | NpgsqlDbType.Text);
        NullableText(w, row.Note);
        Nullable(w, row.Deadline, NpgsqlDbType.TimestampTz);
        w.Write(row.SentAt, NpgsqlDbType.TimestampTz);
        Nullable(w, row.ReadAt, NpgsqlDbType.TimestampTz);
        w.Write(row.Status, NpgsqlDbType.Integer);
        Nullable(w, row.DoneAt, NpgsqlDbType.TimestampTz);
        Nullable(w, row.AcceptedAt, NpgsqlDbType.TimestampTz);
        Nullable(w, row.CancelledAt, NpgsqlDbType.TimestampTz);
        NullableText(w, row.Report);
    }

    /// <summary>Ends the three COPY commands: the rows become visible.</summary>
    public void Complete()
    {
        _letters.Complete();
        _recipients.Complete();
        _dispositions.Complete();
    }

    public void Dispose()
    {
        _letters.Dispose();
        _recipients.Dispose();
        _dispositions.Dispose();
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }
    }

    private NpgsqlBinaryImporter Open(string connectionString, string copy)
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        _connections.Add(connection);
        using (var replica = new NpgsqlCommand("SET session_replication_role = replica", connection))
        {
            replica.ExecuteNonQuery();
        }

        return connection.BeginBinaryImport(copy);
    }

    private static void Nullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } v)
        {
            writer.Write(v, type);
        }
        else
        {
            writer.WriteNull();
        }
    }

    private static void NullableText(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, NpgsqlDbType.Varchar);
        }
    }
}
