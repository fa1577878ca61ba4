using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Superapps.Tickets.Domain.Calendar;
using Superapps.Tickets.Domain.Sla;
using Superapps.Tickets.Contracts;

namespace Superapps.Tickets.Tests;

public sealed class TicketsOptionsTests
{
    private static readonly TicketsOptionsValidator Validator = new();

    [Fact]
    public void The_defaults_are_valid_and_give_the_default_calendar_and_policy()
    {
        var options = new TicketsOptions();

        Validator.Validate(null, options).Succeeded.ShouldBeTrue();
        options.FindTimeZone().BaseUtcOffset.ShouldBe(TimeSpan.FromHours(7));
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            options.Week()[day].ShouldBe(WeeklySchedule.Default[day]);
        }

        foreach (var priority in Enum.GetValues<TicketPriority>())
        {
            options.Policy().For(priority).ShouldBe(SlaPolicy.Default.For(priority));
        }

        options.AutoCloseAfter.ShouldBe(TimeSpan.FromDays(3));
    }

    [Fact]
    public void A_wrong_setting_is_named_in_the_failure()
    {
        var options = new TicketsOptions { TimeZone = "Asia/Atlantis" };
        options.BusinessHours.Friday = "07:30-25:00";
        options.Targets.P2 = new SlaTargetOptions { Response = TimeSpan.FromHours(3), Resolution = TimeSpan.FromHours(2) };

        var result = Validator.Validate(null, options);

        result.Failed.ShouldBeTrue();
        result.Failures!.ShouldContain(f => f.Contains("Superapps:Tickets:TimeZone"));
        result.Failures!.ShouldContain(f => f.Contains("Superapps:Tickets:BusinessHours:Friday"));
        result.Failures!.ShouldContain(f => f.Contains("Superapps:Tickets:Targets:P2"));
    }

    [Fact]
    public void A_week_without_working_days_is_refused()
    {
        var options = new TicketsOptions();
        options.BusinessHours.Monday = options.BusinessHours.Tuesday = options.BusinessHours.Wednesday =
            options.BusinessHours.Thursday = options.BusinessHours.Friday = "off";

        Validator.Validate(null, options).Failures!.ShouldContain(f => f.Contains("at least one working day"));
    }

    [Theory]
    [InlineData("07:30-16:00", true, 8.5)]
    [InlineData("08.00 - 12.00", true, 4)]
    [InlineData("", true, 0)]
    [InlineData("libur", true, 0)]
    [InlineData("16:00-07:30", false, 0)]
    [InlineData("pagi", false, 0)]
    public void Business_hours_read_from_text(string text, bool valid, double hours)
    {
        WorkingHours.TryParse(text, out var parsed).ShouldBe(valid);
        (parsed?.Length ?? TimeSpan.Zero).ShouldBe(TimeSpan.FromHours(hours));
    }

    [Theory]
    [InlineData(null, null, "DISKOMINFO")]
    [InlineData("KOMINFO", null, "KOMINFO")]
    [InlineData(null, "DISKOMINFOSANDI", "DISKOMINFOSANDI")]
    [InlineData("KOMINFO", "DISKOMINFOSANDI", "KOMINFO")]
    public void The_helpdesk_OPD_is_one_setting_and_the_older_escalation_key_is_still_read(string? helpdesk, string? escalation, string expected)
    {
        var settings = new Dictionary<string, string?>();
        if (helpdesk is not null)
        {
            settings["Superapps:Tickets:HelpdeskAgencyCode"] = helpdesk;
        }

        if (escalation is not null)
        {
            settings["Superapps:Tickets:Escalation:AgencyCode"] = escalation;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddTicketsModule();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptions<TicketsOptions>>().Value.HelpdeskAgencyCode.ShouldBe(expected);
    }
}
