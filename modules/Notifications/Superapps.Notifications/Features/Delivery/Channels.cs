using System.Net.Http.Headers;
using System.Net.Http.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Superapps.Notifications.Contracts;

namespace Superapps.Notifications.Features.Delivery;

/// <summary>Sends one plain-text e-mail.</summary>
public interface IEmailSender
{
    Task SendAsync(string address, string subject, string text, CancellationToken cancellationToken = default);
}

/// <summary>
/// E-mail over SMTP with MailKit; without an SMTP host (the development setup) each message is written as an .eml file to the
/// pickup folder, where a mail client or a text editor opens it. Sends notices (<see cref="IEmailSender"/>) and documents with
/// attachments (<see cref="IDocumentMailer"/>) the same way.
/// </summary>
internal sealed class MailKitEmailSender(IOptions<NotificationsOptions> options, TimeProvider clock) : IEmailSender, IDocumentMailer
{
    public async Task SendAsync(string address, string subject, string text, CancellationToken cancellationToken = default)
    {
        using var message = NewMessage(MailboxAddress.Parse(address), subject);
        message.Body = new TextPart("plain") { Text = text };
        await DeliverAsync(message, cancellationToken);
    }

    public async Task SendAsync(DocumentMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var to = MailboxAddress.Parse(mail.ToAddress);
        to.Name = mail.ToName;
        using var message = NewMessage(to, mail.Subject);
        var body = new BodyBuilder { TextBody = mail.Text };
        foreach (var attachment in mail.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();
        await DeliverAsync(message, cancellationToken);
    }

    private MimeMessage NewMessage(MailboxAddress to, string subject)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Value.From));
        message.To.Add(to);
        message.Subject = subject;
        message.Date = clock.GetUtcNow();
        return message;
    }

    private async Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            var folder = settings.PickupDirectory ?? Path.Combine(".data", "mail-pickup");
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(file, cancellationToken);
            return;
        }

        using var client = new SmtpClient();
        var security = settings.SmtpTls switch
        {
            SmtpTlsMode.None => SecureSocketOptions.None,
            SmtpTlsMode.StartTls => SecureSocketOptions.StartTls,
            SmtpTlsMode.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.SmtpUser))
        {
            await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>
/// The seam to a WhatsApp gateway (a provider's API, or a city's own gateway). Replace the registration to talk to a
/// gateway with another protocol.
/// </summary>
public interface IWhatsAppGateway
{
    /// <summary>False when no gateway is configured: nothing is queued for WhatsApp then.</summary>
    bool IsEnabled { get; }

    /// <param name="number">The number as 628….</param>
    Task SendAsync(string number, string text, CancellationToken cancellationToken = default);
}

/// <summary>POSTs <c>{"to": "628…", "text": "…"}</c> as JSON to <see cref="NotificationsOptions.WhatsAppGatewayUrl"/>,
/// with the bearer token when one is configured. Any answer but 2xx is a failure, retried by the dispatcher.</summary>
internal sealed class HttpWhatsAppGateway(IHttpClientFactory httpClients, IOptions<NotificationsOptions> options) : IWhatsAppGateway
{
    public const string HttpClientName = "superapps-whatsapp";

    public bool IsEnabled => options.Value.WhatsAppGatewayUrl is not null;

    public async Task SendAsync(string number, string text, CancellationToken cancellationToken = default)
    {
        var url = options.Value.WhatsAppGatewayUrl ?? throw new InvalidOperationException("No WhatsApp gateway is configured (Superapps:Notifications:WhatsAppGatewayUrl).");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new GatewayMessage(number, text)) };
        if (!string.IsNullOrEmpty(options.Value.WhatsAppToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.WhatsAppToken);
        }

        using var client = httpClients.CreateClient(HttpClientName);
        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"WhatsApp gateway answered {(int)response.StatusCode} {response.ReasonPhrase}: {(detail.Length > 300 ? detail[..300] : detail)}",
                null, response.StatusCode);
        }
    }

    private sealed record GatewayMessage(string To, string Text);
}
