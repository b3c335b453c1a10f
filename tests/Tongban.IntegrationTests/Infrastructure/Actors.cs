using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Tongban.Platform.Demo;

namespace Tongban.IntegrationTests.Infrastructure;

/// <summary>Intent helpers: sign in as a demo person the way they would.</summary>
public static class Actors
{
    public static HttpClient Browser(this TongbanApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A browser signed in through the sign-in page (cookie session).</summary>
    public static async Task<HttpClient> SignedInBrowserAsync(this TongbanApp app, string username, string @as = "staff", string password = DemoCity.Password)
    {
        var browser = app.Browser();
        var response = await browser.PostFormAsync($"/signin?as={@as}", [new("As", @as), new("Username", username), new("Password", password)]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in as {username} answered {(int)response.StatusCode}: {Pages.Text(await response.Content.ReadAsStringAsync())}");
        return browser;
    }

    public static async Task<HttpResponseMessage> RequestTokenAsync(this TongbanApp app, string username, string password = DemoCity.Password)
    {
        using var client = app.CreateClient();
        return await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password });
    }

    /// <summary>An API client holding a bearer token for the account.</summary>
    public static async Task<HttpClient> ApiClientAsync(this TongbanApp app, string username, string password = DemoCity.Password)
    {
        var response = await app.RequestTokenAsync(username, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());
        return client;
    }

    public static string CitizenLogin(int index) => DemoCity.IdNumberFor(DemoCity.Citizens[index]).Value;

    public static string AgentLogin(int enterpriseIndex)
    {
        var enterprise = DemoCity.Enterprises[enterpriseIndex];
        var uscc = DemoCity.UsccFor("91", enterprise.RegionCode, enterprise.OrganisationCodeBody);
        return $"{uscc.Value}:{CitizenLogin(enterprise.AgentIndex)}";
    }
}
