using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.Modularity;
using Superapps.Organization;
using Superapps.Testing;

namespace Superapps.Letters.IntegrationTests;

/// <summary>The development host's demo letters: something in every state for the demo logins, made once through the real desk.</summary>
public sealed class DemoLettersTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_agenda_has_unread_restricted_disposed_and_closed_letters_and_is_made_once()
    {
        await using var module = await ModuleServices.CreateAsync(server,
            s => s.AddOrganizationDirectory().AddLettersModule().Configure<LettersOptions>(o => o.SeedDemoLetters = true), seedDemo: true);
        await module.Services.InitializeDatabaseAsync(migrate: false, seedDemo: true, Ct);

        await using var scope = module.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LettersDbContext>();
        var letters = await db.Letters.AsNoTracking().OrderBy(l => l.AgendaNumber).ToListAsync(Ct);
        letters.Select(l => l.AgendaNumber).ShouldBe([1, 2, 3, 4]);
        letters.Count(l => l.Status == LetterStatus.Closed).ShouldBe(1);
        letters.ShouldContain(l => l.SecurityClass == SecurityClass.Rahasia && l.Urgency == Urgency.SangatSegera);
        (await db.Files.CountAsync(f => f.Kind == LetterFileKind.Letter, Ct)).ShouldBe(4);
        (await db.Files.FirstAsync(Ct)).Content.AsSpan()[..5].ToArray().ShouldBe("%PDF-"u8.ToArray());
        var invitation = letters.Single(l => l.Subject.StartsWith("Undangan", StringComparison.Ordinal));
        var tree = await db.Dispositions.AsNoTracking().Where(d => d.LetterId == invitation.Id).ToListAsync(Ct);
        tree.Count.ShouldBe(2);
        tree.ShouldContain(d => d.ParentId != null);
    }

    [Fact]
    public async Task Without_the_setting_the_demo_city_has_no_letters()
    {
        await using var module = await ModuleServices.CreateAsync(server, s => s.AddOrganizationDirectory().AddLettersModule(), seedDemo: true);
        await using var scope = module.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<LettersDbContext>().Letters.CountAsync(Ct)).ShouldBe(0);
    }
}
