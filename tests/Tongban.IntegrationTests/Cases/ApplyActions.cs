using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;

namespace Tongban.IntegrationTests.Cases;

/// <summary>Intent helpers for applying: publish an item with a form and a required upload, upload a file, submit.</summary>
public static class ApplyActions
{
    /// <summary>A tiny valid-looking PDF.</summary>
    public static byte[] Pdf => "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    public static byte[] Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    /// <summary>An item with an e-form (name, ID number, phone) and two materials: 申请书 (upload only) and 场地证明 (a commitment may replace it).</summary>
    public static async Task<ImplementationCode> PublishApplicableItemAsync(this TongbanApp app, string name) =>
        (await app.PublishImplementationAsync(ApplicableContent(name), DemoCity.MarketRegulation)).Code;

    public static ImplementationContent ApplicableContent(string name) => CatalogActions.ValidContent(name) with
    {
        Materials =
        [
            new MaterialRequirement { Key = "application", Name = "申请书" },
            new MaterialRequirement { Key = "site", Name = "场地证明", Exemptions = [new Exemption(ExemptionRoute.Commitment)] },
        ],
        CommitmentAllowed = true,
        Form =
        [
            new FormField { Key = "name", Label = "申请人姓名", Required = true, MaxLength = 50, Prefill = "person.name" },
            new FormField { Key = "idNumber", Label = "身份证号码", Type = FormFieldType.IdNumber, Required = true, Prefill = "person.idNumber" },
            new FormField { Key = "phone", Label = "联系电话", Type = FormFieldType.Phone },
        ],
    };

    public static async Task<Guid> UploadAsync(this HttpClient client, byte[] content, string fileName)
    {
        var response = await client.PostFileAsync(content, fileName);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fileId").GetGuid();
    }

    public static Task<HttpResponseMessage> PostFileAsync(this HttpClient client, byte[] content, string fileName)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        return client.PostAsync("/api/v1/files", form);
    }

    public static object Application(ImplementationCode item, string citizenIdNumber, Guid? fileId, string? idNumberField = null) => new
    {
        implementationCode = item.Value,
        answers = new Dictionary<string, string>(),
        formValues = new Dictionary<string, string> { ["name"] = "张伟", ["idNumber"] = idNumberField ?? citizenIdNumber, ["phone"] = "13800000000" },
        materials = fileId is null
            ? new object[] { new { key = "site", route = "commitment" } }
            : [new { key = "application", route = "upload", fileId }, new { key = "site", route = "commitment" }],
    };

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, object application, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = JsonContent.Create(application) };
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }
}
