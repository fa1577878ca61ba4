using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Options;

namespace Superapps.Portal.Authentication;

/// <summary>
/// Asks the identity server whether a sign-in session (<c>sid</c>) is still active, so that a sign-out
/// anywhere, an ended session or a disabled account ends the portal session too, open pages included.
/// Answers are cached briefly; when the identity server cannot be reached the last answer stands.
/// </summary>
public sealed class SessionChecker(HttpClient http, IOptions<PortalAuthenticationOptions> options, TimeProvider clock, ILogger<SessionChecker> logger)
{
    private readonly ConcurrentDictionary<Guid, (bool Active, DateTimeOffset CheckedAt)> _cache = new();

    public async Task<bool> IsActiveAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(sessionId, out var cached) && (!cached.Active || now - cached.CheckedAt < options.Value.SessionCheckInterval))
        {
            return cached.Active;
        }

        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.Authority, "connect/session-check"))
            {
                Content = JsonContent.Create(new { sessions = new[] { sessionId } }),
            };
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Value.ClientId}:{options.Value.ClientSecret}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
            using var response = await http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<SessionCheckResponse>(cancellationToken);
            var active = body?.Active?.Contains(sessionId) == true;
            _cache[sessionId] = (active, now);
            return active;
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "The identity server could not be asked about session {Session}; keeping the last answer", sessionId);
            return cached.CheckedAt == default || cached.Active;
        }
    }

    private sealed record SessionCheckResponse(List<Guid>? Active);
}
