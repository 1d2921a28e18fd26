"""Fill workbooks the way a clerk does in LibreOffice Calc, then save them as .xlsx (python3-uno).

Usage: /usr/bin/python3 unoFill.py JOBS.json
JOBS: [{"in": path, "out": path, "sheet": name,
        "type": [[address, text], ...],          typed as a person types (number and date recognition on)
        "insertRowBefore": row (1-based) | null, a whole row inserted, protection left on
        "newColumn": header | null}]             typed into the first empty column of row 1
Prints one JSON line per job: {"inserted": bool, "columnAt": address or null, "protected": bool,
"refused": [addresses of locked cells not typed into]}.
One LibreOffice process for all jobs, with its own profile.
"""
import json, os, subprocess, sys, tempfile, time
import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect():
    profile = tempfile.mkdtemp(prefix='duban-uno-profile-')
    pipe = 'duban_uno_%d' % os.getpid()
    proc = subprocess.Popen(['soffice', '-env:UserInstallation=file://' + profile, '--headless', '--norestore', '--nologo',
                             '--accept=pipe,name=%s;urp;' % pipe], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    for _ in range(240):
        try:
            ctx = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
            smgr = ctx.ServiceManager
            return proc, smgr.createInstanceWithContext('com.sun.star.frame.Desktop', ctx), smgr.createInstanceWithContext('com.sun.star.frame.DispatchHelper', ctx)
        except Exception:
            time.sleep(0.5)
    proc.kill()
    raise SystemExit('LibreOffice did not start')


def run(desktop, dispatcher, job):
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(job['in'])), '_blank', 0, (prop('Hidden', True),))
    sheet = doc.Sheets.getByName(job['sheet'])
    result = {'inserted': False, 'columnAt': None, 'protected': bool(sheet.isProtected())}
    if job.get('insertRowBefore'):
        # The API asks the sheet's protection as the menu command does (insert rows allowed or not).
        at = job['insertRowBefore']
        before = sheet.getCellRangeByName('A%d' % (at + 1)).getString()
        try:
            sheet.Rows.insertByIndex(at - 1, 1)
        except Exception as e:
            result['insertError'] = type(e).__name__
        result['inserted'] = sheet.getCellRangeByName('A%d' % (at + 1)).getString() != before
    # The API writes through protection; Calc's window does not: a locked cell of a protected sheet is refused here as there.
    result['refused'] = []
    for address, text in job.get('type', []):
        cell = sheet.getCellRangeByName(address)
        if sheet.isProtected() and cell.CellProtection.IsLocked:
            result['refused'].append(address)
            continue
        cell.setFormula(text)
    if job.get('newColumn'):
        col = 0
        while sheet.getCellByPosition(col, 0).getString() != '':
            col += 1
        cell = sheet.getCellByPosition(col, 0)
        if not (sheet.isProtected() and cell.CellProtection.IsLocked):
            cell.setFormula(job['newColumn'])
        if cell.getString() == job['newColumn']:
            result['columnAt'] = cell.AbsoluteName.split('.')[-1].replace('$', '')
    result['protected'] = bool(sheet.isProtected())
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(job['out'])), (prop('FilterName', 'Calc MS Excel 2007 XML'),))
    try:
        doc.close(True)
    except Exception:
        pass
    return result


def main():
    jobs = json.load(open(sys.argv[1]))
    proc, desktop, dispatcher = connect()
    try:
        for job in jobs:
            print(json.dumps(run(desktop, dispatcher, job), ensure_ascii=False), flush=True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        proc.wait(timeout=60)


main()
