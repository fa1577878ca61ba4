using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Features.Registration;
using Superapps.Notifications.Contracts;
using Superapps.Organization;
using Superapps.Organization.Data;
using Superapps.Testing;

namespace Superapps.Letters.IntegrationTests;

/// <summary>A notification that cannot be sent never fails or undoes what the user saved.</summary>
public sealed class NotificationFailureTests(PostgresServer server) : IAsyncLifetime
{
    private ModuleServices _module = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _module = await ModuleServices.CreateAsync(server, s => s.AddOrganizationDirectory().AddLettersModule().AddSingleton<INotifier, BrokenNotifier>(),
            seedDemo: true, clock: new TestClock(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero)));

    public async ValueTask DisposeAsync() => await _module.DisposeAsync();

    [Fact]
    public async Task A_letter_is_registered_even_when_notifying_fails()
    {
        await using var scope = _module.CreateScope();
        var organization = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        var agency = await organization.Agencies.SingleAsync(a => a.Code == "DISKOMINFO", Ct);
        var clerk = await organization.Employees.FirstAsync(e => e.AgencyId == agency.Id, Ct);
        var head = await organization.Positions.Where(p => p.AgencyId == agency.Id && p.IsHeadOfAgency).Select(p => p.Id).SingleAsync(Ct);
        var broken = (BrokenNotifier)scope.ServiceProvider.GetRequiredService<INotifier>();

        var registered = await scope.ServiceProvider.GetRequiredService<LetterRegistration>().RegisterAsync(new Clerk(clerk.Id, clerk.Name, agency.Id),
            new RegisterIncomingLetter(Guid.NewGuid(), "Dinas Kominfo Provinsi Jambi", "005/1/2026", new DateOnly(2026, 11, 20), "Undangan rapat",
                SecurityClass.Biasa, Urgency.Biasa, "000.1.5", head, LetterUpload.FromBytes("surat.pdf", "%PDF-1.7\n%%EOF\n"u8.ToArray()), []), Ct);

        broken.Calls.ShouldBe(1, "the notifier was asked, and failed");
        (await scope.ServiceProvider.GetRequiredService<LettersDbContext>().Letters.AnyAsync(l => l.Id == registered.Id, Ct)).ShouldBeTrue();
    }

    private sealed class BrokenNotifier : INotifier
    {
        private int _calls;

        public int Calls => _calls;

        public Task NotifyAsync(Notice notice, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            throw new InvalidOperationException("The notifications database is away.");
        }
    }
}
