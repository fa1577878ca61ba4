using Superapps.Tickets.Contracts;
using Superapps.Tickets.Domain;

namespace Superapps.Tickets.Tests;

/// <summary>The ITIL-style matrix, cell by cell (documented on <see cref="PriorityMatrix"/>).</summary>
public sealed class PriorityMatrixTests
{
    [Theory]
    [InlineData(TicketImpact.ManySites, TicketUrgency.High, TicketPriority.P1)]
    [InlineData(TicketImpact.ManySites, TicketUrgency.Medium, TicketPriority.P2)]
    [InlineData(TicketImpact.ManySites, TicketUrgency.Low, TicketPriority.P3)]
    [InlineData(TicketImpact.OneSite, TicketUrgency.High, TicketPriority.P2)]
    [InlineData(TicketImpact.OneSite, TicketUrgency.Medium, TicketPriority.P3)]
    [InlineData(TicketImpact.OneSite, TicketUrgency.Low, TicketPriority.P4)]
    [InlineData(TicketImpact.OnePerson, TicketUrgency.High, TicketPriority.P3)]
    [InlineData(TicketImpact.OnePerson, TicketUrgency.Medium, TicketPriority.P4)]
    [InlineData(TicketImpact.OnePerson, TicketUrgency.Low, TicketPriority.P4)]
    public void Impact_and_urgency_give_the_priority(TicketImpact impact, TicketUrgency urgency, TicketPriority expected) =>
        PriorityMatrix.Of(impact, urgency).ShouldBe(expected);

    [Fact]
    public void Wider_impact_or_higher_urgency_never_lowers_the_priority()
    {
        foreach (var impact in Enum.GetValues<TicketImpact>())
        {
            foreach (var urgency in Enum.GetValues<TicketUrgency>())
            {
                var p = PriorityMatrix.Of(impact, urgency);
                if (impact > TicketImpact.ManySites)
                {
                    ((int)PriorityMatrix.Of(impact - 1, urgency)).ShouldBeLessThanOrEqualTo((int)p);
                }

                if (urgency > TicketUrgency.High)
                {
                    ((int)PriorityMatrix.Of(impact, urgency - 1)).ShouldBeLessThanOrEqualTo((int)p);
                }
            }
        }
    }

    [Fact]
    public void An_unknown_value_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => PriorityMatrix.Of((TicketImpact)9, TicketUrgency.High));

    [Theory]
    [InlineData(TicketCategory.InternetDown, TicketPriority.P2)]
    [InlineData(TicketCategory.FibreCut, TicketPriority.P2)]
    [InlineData(TicketCategory.ServerOrDataCentre, TicketPriority.P2)]
    [InlineData(TicketCategory.Slow, TicketPriority.P3)]
    [InlineData(TicketCategory.Lan, TicketPriority.P3)]
    [InlineData(TicketCategory.WiFi, TicketPriority.P4)]
    [InlineData(TicketCategory.Application, TicketPriority.P4)]
    [InlineData(TicketCategory.Other, TicketPriority.P4)]
    public void A_report_starts_with_the_priority_its_category_suggests(TicketCategory category, TicketPriority expected)
    {
        var (impact, urgency) = PriorityMatrix.DefaultFor(category);

        PriorityMatrix.Of(impact, urgency).ShouldBe(expected);
    }
}

/// <summary>Every value the UI and the errors show has its own Indonesian and English text.</summary>
public sealed class TicketTextTests
{
    [Fact]
    public void Every_status_action_role_category_and_site_kind_has_both_texts()
    {
        IEnumerable<(string Name, (string Indonesian, string English) Text)> all =
        [
            .. Enum.GetValues<TicketStatus>().Select(v => (v.ToString(), TicketText.Of(v))),
            .. Enum.GetValues<TicketAction>().Select(v => (v.ToString(), TicketText.Of(v))),
            .. Enum.GetValues<TicketRole>().Select(v => (v.ToString(), TicketText.Of(v))),
            .. Enum.GetValues<TicketCategory>().Where(c => c != TicketCategory.WiFi).Select(v => (v.ToString(), TicketText.Of(v))),
            .. Enum.GetValues<SiteKind>().Select(v => (v.ToString(), TicketText.Of(v))),
        ];

        foreach (var (name, (indonesian, english)) in all)
        {
            indonesian.ShouldNotBe(name, $"{name} has no Indonesian text");
            english.ShouldNotBeNullOrWhiteSpace();
        }

        Enum.GetValues<TicketStatus>().Select(s => TicketText.Of(s).Indonesian).ShouldBeUnique();
    }
}
