using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Superapps.Letters.Data;
using Superapps.Modularity;
using Superapps.Testing;

namespace Superapps.Letters.IntegrationTests;

/// <summary>
/// The ImportedLettersAsLetters migration on rows the release before imported (side table only): incoming rows become closed
/// letters of their OPD's agenda, numbered after the numbers already given that year, with their archive entries; outgoing rows
/// become imported archive entries (ADR 0016).
/// </summary>
public sealed class ImportedLettersMigrationTests(PostgresServer server)
{
    private const string Before = "20261202165656_LegacyLetterImport";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rows_of_the_release_before_become_letters_and_archive_entries_after_the_agendas_last_number()
    {
        var connectionString = await server.CreateDatabaseAsync(cancellationToken: Ct);
        await using var services = new ServiceCollection()
            .AddDbContextFactory<LettersDbContext>(o => o.UseModuleDatabase(connectionString, LettersDbContext.Schema))
            .BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LettersDbContext>().GetService<IMigrator>().MigrateAsync(Before, Ct);
        }

        var agency = Guid.NewGuid();
        await ExecuteAsync(connectionString, $"""
            INSERT INTO letters.agenda_counters (agency_id, year, last_number) VALUES ('{agency}', 2024, 7);
            INSERT INTO letters.imported_letters (id, source, legacy_id, kind, agency_id, agency_name, agenda_number, number, date, received_on,
                correspondent, subject, urgency, security_class, classification_code, scan_file_name, imported_at, dispositions)
            VALUES
              (gen_random_uuid(), 'sipadek', 'masuk:1', 'Incoming', '{agency}', 'Diskominfo', '0012/2024', '005/1/BAPPEDA/2024', '2024-03-04', '2024-03-05',
               'Bappeda Kota', 'Undangan Rapat', 'Segera', 'Biasa', '005', '1.pdf', now(), '[]'),
              (gen_random_uuid(), 'sipadek', 'masuk:2', 'Incoming', '{agency}', 'Diskominfo', '0013/2024', 'R/700/2/ITDA/2024', '2024-03-14', NULL,
               'Inspektorat', 'Laporan Rahasia', 'Biasa', 'Rahasia', '700', NULL, now(), '[]'),
              (gen_random_uuid(), 'sipadek', 'keluar:1', 'Outgoing', '{agency}', 'Diskominfo', NULL, '005/201/DISKOMINFO/2024', '2024-03-07', NULL,
               'Kepala Bappeda Kota', 'Konfirmasi Kehadiran', 'Biasa', 'Biasa', '005', NULL, now(), '[]');
            """);

        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LettersDbContext>().Database.MigrateAsync(Ct);
        }

        (await ScalarAsync(connectionString, """
            SELECT string_agg(lpad(l.agenda_number::text, 4, '0') || '/' || l.agenda_year || ' ' || l.security_class || ' ' || l.urgency || ' ' || l.status
                || ' ' || l.origin, ', ' ORDER BY l.agenda_number)
            FROM letters.letters l JOIN letters.imported_letters i ON i.letter_id = l.id
            """)).ShouldBe("0008/2024 0 1 1 2, 0009/2024 2 0 1 2");
        (await ScalarAsync(connectionString, $"SELECT last_number FROM letters.agenda_counters WHERE agency_id = '{agency}' AND year = 2024")).ShouldBe(9);
        (await ScalarAsync(connectionString, "SELECT count(*) FROM letters.events WHERE action = 'imported'")).ShouldBe(2L);
        (await ScalarAsync(connectionString, "SELECT string_agg(kind || ':' || imported || ':' || number, ', ' ORDER BY kind, number) FROM letters.archive_entries"))
            .ShouldBe("0:false:0008/2024, 0:false:0009/2024, 1:true:005/201/DISKOMINFO/2024");
        // The agency keeps its archive readers (the triggers of ArchiveReaders).
        (await ScalarAsync(connectionString, $"SELECT count(*) FROM letters.archive_readers WHERE reader_id = '{agency}'")).ShouldBe(3L);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(Ct);
    }
}
