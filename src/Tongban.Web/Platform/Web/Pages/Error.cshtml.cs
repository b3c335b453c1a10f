using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Tongban.Platform.Web.Pages;

/// <summary>The page people see for unexpected errors and unknown addresses; never a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(IStringLocalizer<SharedResource> t) : PageModel
{
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";
    public string RequestId { get; private set; } = "";

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        RequestId = HttpContext.TraceIdentifier;
        (Heading, Explanation) = (status ?? HttpContext.Response.StatusCode) switch
        {
            StatusCodes.Status404NotFound => (t["页面不存在"].Value, t["您访问的页面不存在或已移动，请检查地址。"].Value),
            StatusCodes.Status409Conflict => (t["记录已被修改"].Value, t["该记录已被他人修改，请返回刷新后重试。"].Value),
            StatusCodes.Status429TooManyRequests => (t["操作过于频繁"].Value, t["请稍等一分钟后再试。"].Value),
            _ => (t["系统暂时无法处理"].Value, t["很抱歉，系统出现问题，请稍后再试。如需帮助，请拨打 12345 并提供请求编号。"].Value),
        };
    }
}
