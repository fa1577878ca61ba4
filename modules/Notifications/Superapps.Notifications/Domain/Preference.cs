using Superapps.Notifications.Contracts;

namespace Superapps.Notifications.Domain;

/// <summary>
/// How one employee wants to be told. In the portal is always on; e-mail is on by default, WhatsApp off until a number is given.
/// Topics can be muted per channel.
/// </summary>
public sealed class Preference
{
    private Preference()
    {
    }

    public Preference(Guid employeeId)
    {
        EmployeeId = employeeId;
    }

    public Guid EmployeeId { get; private set; }

    public bool EmailEnabled { get; private set; } = true;

    public bool WhatsAppEnabled { get; private set; }

    /// <summary>Normalised to 628…; see <see cref="WhatsAppNumber"/>.</summary>
    public string? WhatsAppNumber { get; private set; }

    public List<int> EmailMutedTopics { get; private set; } = [];

    public List<int> WhatsAppMutedTopics { get; private set; } = [];

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The defaults of someone who never opened the settings.</summary>
    public static Preference Default(Guid employeeId) => new(employeeId);

    public bool Wants(Channel channel, NoticeTopic topic) => channel switch
    {
        Channel.Email => EmailEnabled && !EmailMutedTopics.Contains((int)topic),
        Channel.WhatsApp => WhatsAppEnabled && WhatsAppNumber is not null && !WhatsAppMutedTopics.Contains((int)topic),
        _ => false,
    };

    /// <summary>Applies a user's choice; the number must already be normalised.</summary>
    public void Change(bool email, bool whatsApp, string? number, IEnumerable<NoticeTopic> emailMuted, IEnumerable<NoticeTopic> whatsAppMuted, DateTimeOffset now)
    {
        EmailEnabled = email;
        WhatsAppEnabled = whatsApp;
        WhatsAppNumber = number;
        EmailMutedTopics = [.. emailMuted.Select(t => (int)t).Distinct().Order()];
        WhatsAppMutedTopics = [.. whatsAppMuted.Select(t => (int)t).Distinct().Order()];
        UpdatedAt = now;
    }
}
