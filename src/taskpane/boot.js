// The task pane's watchdog, loaded before office.js and the bundle as a plain script (no build step,
// so it runs even when everything after it fails). Inside Excel a pane whose office.js did not load,
// or whose host never answers, would otherwise stay blank: after 10 s, or at once when a script
// fails to load, it replaces the loading text with what to check. The bundle calls
// DubanBoot.started() once Office has answered.
(function () {
  'use strict';
  var TIMEOUT_MS = 10000;
  var state = { started: false, shown: false };
  var mode = document.documentElement.getAttribute('data-office-js') || 'cdn';

  var NETWORK =
    mode === 'self'
      ? '本加载项的 office.js 由部署它的服务器提供：请联系管理员检查 office/ 文件夹是否完整（见 README“内网部署”）。'
      : '本加载项从微软的网址 appsforoffice.microsoft.com 加载 office.js：请确认这台电脑能访问该网址；不能访问外网的单位，请联系部署本加载项的管理员改用内网版本。';
  var VERSIONS = '支持的 Excel：Windows 或 Mac 版 Excel 2016 及以上、Microsoft 365、网页版 Excel；生成工作簿需要 Excel 2019、Microsoft 365 或网页版。';

  function show(reason, steps) {
    if (state.started || state.shown) return;
    state.shown = true;
    var root = document.getElementById('root');
    if (!root) return;
    var box = document.createElement('div');
    box.id = 'boot';
    box.setAttribute('role', 'alert');
    var h = document.createElement('h1');
    h.textContent = '督办加载项没有启动';
    var p = document.createElement('p');
    p.textContent = reason;
    var ol = document.createElement('ol');
    for (var i = 0; i < steps.length; i++) {
      var li = document.createElement('li');
      li.textContent = steps[i];
      ol.appendChild(li);
    }
    box.appendChild(h);
    box.appendChild(p);
    box.appendChild(ol);
    root.replaceChildren(box);
  }

  function failed(what) {
    show(what === 'office-js' ? '未能加载 Office 的脚本库 office.js。' : '加载项的程序文件没有加载成功。', [NETWORK, '关闭任务窗格后重新打开；仍不行请重启 Excel。', VERSIONS]);
  }

  // A script that fails to load (blocked network, missing file) fires "error" on its element only.
  window.addEventListener(
    'error',
    function (e) {
      var el = e && e.target;
      if (!el || el.tagName !== 'SCRIPT') return;
      var src = el.src || '';
      // office.js falls back to en-us when its strings for the UI language are missing: not fatal.
      if (/office_strings\.js(\?|$)/.test(src)) return;
      // office.js itself, or a host script it loads after itself (excel-win32-16.01.js…).
      if (/\/office\.js(\?|$)/.test(src) || /\/(lib\/1\/hosted|office)\/[^/]+\.js(\?|$)/.test(src)) failed('office-js');
      else failed('bundle');
    },
    true,
  );

  setTimeout(function () {
    show('Office 在 10 秒内没有响应。', [
      '请在 Excel 中通过“开始 → 加载项”打开督办，不要在浏览器中直接打开此页面。',
      VERSIONS,
      NETWORK,
      '关闭任务窗格后重新打开；仍不行请重启 Excel。',
    ]);
  }, TIMEOUT_MS);

  window.DubanBoot = {
    started: function () {
      state.started = true;
    },
    failed: failed,
    isShowingProblem: function () {
      return state.shown;
    },
  };
})();
