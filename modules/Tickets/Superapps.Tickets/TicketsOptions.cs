using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Domain.Calendar;
using Superapps.Tickets.Domain.Sla;

namespace Superapps.Tickets;

/// <summary>Settings of the Tickets module (section <c>Superapps:Tickets</c>). Checked at start by <see cref="TicketsOptionsValidator"/>.</summary>
public sealed class TicketsOptions
{
    public const string Section = "Superapps:Tickets";

    /// <summary>The city's time zone (IANA id): <c>Asia/Jakarta</c> (WIB), <c>Asia/Makassar</c> (WITA) or <c>Asia/Jayapura</c> (WIT).</summary>
    [Required(AllowEmptyStrings = false)]
    public string TimeZone { get; set; } = "Asia/Jakarta";

    /// <summary>Business hours per weekday.</summary>
    [Required]
    public BusinessHoursOptions BusinessHours { get; set; } = new();

    /// <summary>A resolved ticket nobody confirms or reopens closes itself after this many days.</summary>
    [Range(1, 90)]
    public int AutoCloseAfterDays { get; set; } = 3;

    /// <summary>The reporter may reopen a ticket up to this many days after its resolution.</summary>
    [Range(1, 365)]
    public int ReopenWindowDays { get; set; } = 7;

    /// <summary>The largest attachment accepted, in bytes (default 10 MB; at most 25 MB). Uploads are read in chunks and refused at this size.</summary>
    [Range(1024, TicketAttachmentLimits.MaxBytes)]
    public long MaxAttachmentBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>A warning is due when this share of a target is used (percent).</summary>
    [Range(1, 99)]
    public int WarningPercent { get; set; } = 75;

    /// <summary>Response and resolution targets per priority, in business time (<c>hh:mm:ss</c>, or <c>d.hh:mm:ss</c>).
    /// One business day counts 8 h 30 min (<see cref="SlaPolicy.BusinessDay"/>).</summary>
    [Required]
    public SlaTargetsOptions Targets { get; set; } = new();

    /// <summary>Who is told of SLA warnings on unassigned tickets and of breaches (the SLA job).</summary>
    [Required]
    public SlaEscalationOptions Escalation { get; set; } = new();

    /// <summary>E-mail intake: messages a local mail server delivers to a folder become tickets.</summary>
    [Required]
    public MailIntakeOptions MailIntake { get; set; } = new();

    /// <summary>
    /// The code of the OPD that runs the helpdesk (Organization module), e.g. <c>DISKOMINFO</c>: its technicians are offered for
    /// assignment, and its head and helpdesk lead receive escalations. The one setting for it: the older
    /// <c>Escalation:AgencyCode</c> is still read when this one is not set.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string HelpdeskAgencyCode { get; set; } = "DISKOMINFO";

    /// <summary>Positions of the helpdesk OPD whose title starts with this hold its technicians (the demo: "Teknisi Jaringan 1").</summary>
    [Required(AllowEmptyStrings = false)]
    public string TechnicianTitlePrefix { get; set; } = "Teknisi";

    public TimeSpan AutoCloseAfter => TimeSpan.FromDays(AutoCloseAfterDays);

    public TimeSpan ReopenWindow => TimeSpan.FromDays(ReopenWindowDays);

    public TimeZoneInfo FindTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public WeeklySchedule Week()
    {
        var days = new Dictionary<DayOfWeek, WorkingHours>();
        foreach (var (day, text) in BusinessHours.Days())
        {
            if (WorkingHours.TryParse(text, out var hours) && hours is not null)
            {
                days[day] = hours;
            }
        }

        return new WeeklySchedule(days);
    }

    public SlaPolicy Policy() => new(new Dictionary<TicketPriority, SlaTarget>
    {
        [TicketPriority.P1] = Targets.P1.ToTarget(),
        [TicketPriority.P2] = Targets.P2.ToTarget(),
        [TicketPriority.P3] = Targets.P3.ToTarget(),
        [TicketPriority.P4] = Targets.P4.ToTarget(),
    }, WarningPercent / 100.0);
}

/// <summary>The hard ceiling of an attachment's size, which the domain also holds (<c>TicketAttachment.MaxBytes</c>).</summary>
public static class TicketAttachmentLimits
{
    public const long MaxBytes = 25L * 1024 * 1024;
}

/// <summary>
/// The e-mail intake (section <c>Superapps:Tickets:MailIntake</c>). The local mail server delivers the helpdesk address's mail
/// Maildir-style into <c>new/</c> under <see cref="InboundDirectory"/> (written in <c>tmp/</c>, then renamed, so a file in
/// <c>new/</c> is complete); the intake moves each message to <c>done/</c> or to <c>rejected/</c> with a reason file.
/// </summary>
public sealed class MailIntakeOptions
{
    /// <summary>Off by default: turn it on where a mail server delivers to <see cref="InboundDirectory"/>.</summary>
    public bool Enabled { get; set; }

    /// <summary>Defaults to <c>mail-inbound</c> under <c>Superapps:DataDirectory</c>.</summary>
    public string? InboundDirectory { get; set; }

    /// <summary>How often the folder is read.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Business hours per weekday as <c>07:30-16:00</c>; empty or <c>off</c> for a day off.</summary>
public sealed class BusinessHoursOptions
{
    public string? Monday { get; set; } = "07:30-16:00";

    public string? Tuesday { get; set; } = "07:30-16:00";

    public string? Wednesday { get; set; } = "07:30-16:00";

    public string? Thursday { get; set; } = "07:30-16:00";

    public string? Friday { get; set; } = "07:30-16:30";

    public string? Saturday { get; set; } = "off";

    public string? Sunday { get; set; } = "off";

    public IEnumerable<(DayOfWeek Day, string? Text)> Days() =>
    [
        (DayOfWeek.Monday, Monday), (DayOfWeek.Tuesday, Tuesday), (DayOfWeek.Wednesday, Wednesday), (DayOfWeek.Thursday, Thursday),
        (DayOfWeek.Friday, Friday), (DayOfWeek.Saturday, Saturday), (DayOfWeek.Sunday, Sunday),
    ];
}

/// <summary>
/// Where the SLA job finds the helpdesk lead and the head of Diskominfo in the organisation chart: the OPD running the helpdesk
/// (<see cref="TicketsOptions.HelpdeskAgencyCode"/>), and the lead's position by its title in that OPD. The head is the OPD's head position (Kepala Dinas), with any
/// Plt or Plh. Another city changes these settings, not the code.
/// </summary>
public sealed class SlaEscalationOptions
{
    /// <summary>The title of the helpdesk lead's position in that OPD, e.g. <c>Kepala Seksi Infrastruktur Jaringan</c>.</summary>
    public string LeadPositionTitle { get; set; } = "Kepala Seksi Infrastruktur Jaringan";
}

/// <summary>The targets of each priority.</summary>
public sealed class SlaTargetsOptions
{
    public SlaTargetOptions P1 { get; set; } = new() { Response = TimeSpan.FromHours(1), Resolution = TimeSpan.FromHours(4) };

    public SlaTargetOptions P2 { get; set; } = new() { Response = TimeSpan.FromHours(2), Resolution = TimeSpan.FromHours(8) };

    public SlaTargetOptions P3 { get; set; } = new() { Response = TimeSpan.FromHours(4), Resolution = 3 * SlaPolicy.BusinessDay };

    public SlaTargetOptions P4 { get; set; } = new() { Response = SlaPolicy.BusinessDay, Resolution = 5 * SlaPolicy.BusinessDay };
}

/// <summary>One priority's response and resolution targets, in business time.</summary>
public sealed class SlaTargetOptions
{
    public TimeSpan Response { get; set; }

    public TimeSpan Resolution { get; set; }

    public SlaTarget ToTarget() => new(Response, Resolution);
}

/// <summary>Checks what data annotations cannot: the time zone exists, business hours read, targets make sense. Names the setting at fault.</summary>
public sealed class TicketsOptionsValidator : IValidateOptions<TicketsOptions>
{
    public ValidateOptionsResult Validate(string? name, TicketsOptions options)
    {
        var failures = new List<string>();
        try
        {
            options.FindTimeZone();
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            failures.Add($"{TicketsOptions.Section}:TimeZone '{options.TimeZone}' is not a known time zone (e.g. Asia/Jakarta).");
        }

        var working = 0;
        foreach (var (day, text) in options.BusinessHours.Days())
        {
            if (!WorkingHours.TryParse(text, out var hours))
            {
                failures.Add($"{TicketsOptions.Section}:BusinessHours:{day} '{text}' must read like 07:30-16:00, or be empty or 'off'.");
            }
            else if (hours is not null)
            {
                working++;
            }
        }

        if (working == 0)
        {
            failures.Add($"{TicketsOptions.Section}:BusinessHours needs at least one working day.");
        }

        foreach (var (priority, target) in new[] { ("P1", options.Targets.P1), ("P2", options.Targets.P2), ("P3", options.Targets.P3), ("P4", options.Targets.P4) })
        {
            if (target.Response <= TimeSpan.Zero || target.Resolution < target.Response)
            {
                failures.Add($"{TicketsOptions.Section}:Targets:{priority} needs a positive Response and a Resolution no shorter than it.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.Escalation?.LeadPositionTitle))
        {
            failures.Add($"{TicketsOptions.Section}:Escalation needs a LeadPositionTitle (who SLA breaches are escalated to).");
        }

        if (options.MailIntake.Interval < TimeSpan.FromSeconds(5))
        {
            failures.Add($"{TicketsOptions.Section}:MailIntake:Interval must be at least 00:00:05.");
        }

        if (options.MailIntake.Enabled && string.IsNullOrWhiteSpace(options.MailIntake.InboundDirectory))
        {
            failures.Add($"{TicketsOptions.Section}:MailIntake:InboundDirectory is required when the intake is enabled.");
        }

        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
