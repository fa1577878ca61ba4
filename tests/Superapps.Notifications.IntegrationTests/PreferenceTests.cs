using Microsoft.Extensions.DependencyInjection;
using Superapps.Notifications.Contracts;
using Superapps.Notifications.Domain;
using Superapps.Notifications.Features.Preferences;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Notifications.IntegrationTests;

/// <summary>A user's channel choices: WhatsApp numbers checked and normalised, bad input refused in both languages, nothing saved lost.</summary>
public sealed class PreferenceTests(PostgresServer server) : IAsyncLifetime
{
    private NotificationsHarness _harness = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _harness = await NotificationsHarness.StartAsync(server);

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    private async Task<Preference> SaveAsync(Guid employeeId, PreferenceInput input)
    {
        await using var scope = _harness.Module.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationPreferences>().SaveAsync(employeeId, input, Ct);
    }

    private async Task<Preference> GetAsync(Guid employeeId)
    {
        await using var scope = _harness.Module.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationPreferences>().GetAsync(employeeId, Ct);
    }

    [Theory]
    [InlineData("081234567890", "6281234567890")]
    [InlineData("0812-3456-789", "628123456789")]
    [InlineData("+62 812 3456 7890", "6281234567890")]
    [InlineData("6285712345678", "6285712345678")]
    [InlineData("(0811) 234.5678", "628112345678")]
    public void Indonesian_mobile_numbers_are_normalised_to_628(string typed, string stored) =>
        WhatsAppNumber.Normalize(typed).ShouldBe(stored);

    [Theory]
    [InlineData("12345")]
    [InlineData("0211234567")]
    [InlineData("+1 555 123 4567")]
    [InlineData("0812345")]
    [InlineData("08123456789012345")]
    [InlineData("0812-ABC-7890")]
    public void Other_numbers_are_refused(string typed) =>
        Should.Throw<DomainRuleException>(() => WhatsAppNumber.Normalize(typed)).Error.ShouldBe(NotificationErrors.WhatsAppNumber);

    [Fact]
    public async Task A_bad_whatsapp_number_gives_a_bilingual_error_and_keeps_what_was_saved()
    {
        var employee = _harness.Employees[0].Id;
        (await GetAsync(employee)).EmailEnabled.ShouldBeTrue("e-mail is on until the user turns it off");
        await SaveAsync(employee, new PreferenceInput(true, true, "0812 3456 7890", [NoticeTopic.FollowUp], []));

        var bad = await Should.ThrowAsync<DomainRuleException>(() => SaveAsync(employee, new PreferenceInput(false, true, "021-555-0101", [], [])));
        bad.Error.Code.ShouldBe("notifications.whatsapp.number");
        bad.Error.Field.ShouldBe("whatsAppNumber");
        bad.Error.Indonesian.ShouldContain("Nomor WhatsApp tidak valid");
        bad.Error.English.ShouldContain("WhatsApp number is not valid");
        var missing = await Should.ThrowAsync<DomainRuleException>(() => SaveAsync(employee, new PreferenceInput(true, true, "  ", [], [])));
        missing.Error.ShouldBe(NotificationErrors.WhatsAppNumberRequired);

        var kept = await GetAsync(employee);
        kept.EmailEnabled.ShouldBeTrue();
        kept.WhatsAppEnabled.ShouldBeTrue();
        kept.WhatsAppNumber.ShouldBe("6281234567890");
        kept.EmailMutedTopics.ShouldBe([(int)NoticeTopic.FollowUp]);
        var audit = _harness.Module.Audit;
        audit.Events.Count(e => e.Action == "preferences.changed" && e.EntityId == employee.ToString()).ShouldBe(1);
    }
}
