using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Features.Desk;
using Superapps.Letters.Features.Inbox;
using Superapps.Organization;
using Superapps.Organization.Data;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Letters.IntegrationTests;

/// <summary>
/// A letter delivered internally is found by the addressee's inbox search at once: by one word of its subject and by the
/// whole subject as a person types it, whether the search term counts as rare (index look-up first) or common (checked on
/// the viewer's entries), on the demo city's letters.
/// </summary>
public sealed class InternalDeliverySearchTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj\n%%EOF\n"u8.ToArray();
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));
    private ModuleServices _module = null!;
    private Guid _sender;
    private Guid _headPosition;
    private Guid _headEmployee;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _module = await ModuleServices.CreateAsync(server, s => s.AddOrganizationDirectory().AddLettersModule(), seedDemo: true, clock: _clock);
        await using var scope = _module.CreateScope();
        var organization = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        var receiver = await organization.Agencies.Where(a => a.Code == "DISKOMINFO").Select(a => a.Id).SingleAsync(Ct);
        _sender = await organization.Agencies.Where(a => a.Id != receiver).Select(a => a.Id).FirstAsync(Ct);
        _headPosition = await organization.Positions.Where(p => p.AgencyId == receiver && p.IsHeadOfAgency).Select(p => p.Id).SingleAsync(Ct);
        _headEmployee = await organization.Employees.Where(e => e.PositionId == _headPosition).Select(e => e.Id).FirstAsync(Ct);
    }

    public async ValueTask DisposeAsync() => await _module.DisposeAsync();

    public static TheoryData<string> Paths() => ["rare", "common"];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_letter_delivered_a_moment_ago_is_found_by_a_word_of_its_subject_and_by_the_whole_subject(string path)
    {
        // Like the outgoing letter journey's subject: a few common words and a piece of a GUID.
        var unique = Guid.NewGuid().ToString("N")[..15];
        var subject = $"Permintaan data aplikasi {unique}";
        Guid id;
        await using (var delivery = _module.CreateScope())
        {
            id = await delivery.ServiceProvider.GetRequiredService<IInternalLetterInbox>().DeliverAsync(new InternalLetter(Guid.NewGuid(), _sender,
                "Badan Perencanaan Pembangunan Daerah", "000.1.5/313/BAPPEDA/2026", new DateOnly(2026, 11, 22), subject, SecurityClass.Biasa,
                Urgency.Segera, "000.1.5", _headPosition, Pdf), Ct);
        }

        // At once, from another scope (another request or circuit), as the addressee.
        await using var scope = _module.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LettersDbContext>();
        var inbox = path == "rare" ? new InboxQueries(scope.ServiceProvider.GetRequiredService<IDbContextFactory<LettersDbContext>>(), _clock) { RareTermLimit = 1_000_000 } : new InboxQueries(scope.ServiceProvider.GetRequiredService<IDbContextFactory<LettersDbContext>>(), _clock) { RareTermLimit = -1 };
        var head = (await scope.ServiceProvider.GetRequiredService<Viewers>().ForAsync(_headEmployee, keepsAgenda: false, Ct)).ShouldNotBeNull();

        foreach (var text in new[] { unique, subject, "aplikasi", "  Permintaan   DATA " + unique.ToUpperInvariant() })
        {
            var page = await inbox.SearchAsync(head, new InboxSearch(text, null, null, InboxStatus.All, null, null, 0, 100, null, true), Ct);
            page.Items.Select(r => r.LetterId).ShouldContain(id, $"searching \"{text}\" ({path} path)");
            if (text != "aplikasi")
            {
                page.Items.ShouldHaveSingleItem($"searching \"{text}\" ({path} path)").Subject.ShouldBe(subject);
            }
        }
    }

    [Fact]
    public async Task Every_subject_like_the_journeys_matches_its_own_search_vector()
    {
        // The search vector and the query both go through PostgreSQL's parser; a GUID piece (digits and a-f, "1e5" looks like a
        // number) must give the same tokens on both sides. Checked on many subjects at once, as the columns are computed.
        await using var connection = await _module.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(Ct);
        await using var command = new NpgsqlCommand("""
            SELECT count(*) FROM (
                SELECT 'Permintaan data aplikasi ' || left(md5(g::text || random()::text), 15) AS subject FROM generate_series(1, 20000) g) s
            WHERE NOT to_tsvector('simple', s.subject || ' ' || 'Badan Perencanaan Pembangunan Daerah' || ' ' || '000.1.5/313/BAPPEDA/2026')
                @@ websearch_to_tsquery('simple', s.subject)
            """, connection);
        ((long)(await command.ExecuteScalarAsync(Ct))!).ShouldBe(0);
    }
}
