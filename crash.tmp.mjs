import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import { spawn } from 'node:child_process';
const f='/tmp/rkc.sqlite';
const mode = process.argv[2];
if (mode === 'child') {
  const db=new Database(f); db.pragma("cipher='sqlcipher'"); db.pragma("key='a'");
  db.pragma('journal_mode=DELETE'); db.pragma('cache_spill=OFF'); process.stdout.write('go\n'); db.pragma("rekey='b'"); process.stdout.write('done\n'); setTimeout(()=>{},100000);
} else {
  let results={};
  for (let trial=0; trial<16; trial++) {
    for (const s of ['','-wal','-shm','-journal']) fs.rmSync(f+s,{force:true});
    const db=new Database(f); db.pragma("cipher='sqlcipher'"); db.pragma("key='a'"); db.pragma('journal_mode=WAL');
    db.exec('create table t(x)'); const ins=db.prepare('insert into t values(?)'); db.transaction(()=>{for(let i=0;i<200000;i++) ins.run('hello world patient '+i);})(); db.close();
    const delay = 350 + trial*20;
    const r = await new Promise((res)=>{ const c=spawn(process.execPath,[process.argv[1],'child']); let out=''; c.stdout.on('data',d=>{out+=d; if(out.includes('go')) setTimeout(()=>c.kill('SIGKILL'),delay);}); c.on('exit',()=>res(out)); });
    const journal = fs.existsSync(f+'-journal');
    for (const s of ['','-journal']) if (fs.existsSync(f+s)) { fs.copyFileSync(f+s, '/tmp/rkA.sqlite'+s); fs.copyFileSync(f+s, '/tmp/rkRO.sqlite'+s); }
    const probeAt=(file,k, ro)=>{ try { const d=new Database(file,{readonly:ro}); d.pragma("cipher='sqlcipher'"); d.pragma(`key='${k}'`); const c=d.prepare('select count(*) c from t').get().c; d.close(); return c; } catch(e){ return 'fail:'+e.message; } };
    console.log('  a-first copy:', probeAt('/tmp/rkA.sqlite','a',false), 'ro-b-first copy:', probeAt('/tmp/rkRO.sqlite','b',true), probeAt('/tmp/rkRO.sqlite','a',true), probeAt('/tmp/rkRO.sqlite','a',false));
    const probe=(k, ro)=>{ try { const d=new Database(f,{readonly:ro}); d.pragma("cipher='sqlcipher'"); d.pragma(`key='${k}'`); const c=d.prepare('select count(*) c from t').get().c; const ic=d.pragma('integrity_check',{simple:true}); d.close(); return c+':'+ic; } catch(e){ return 'fail:'+e.message; } };
    console.log(delay, r.trim().replace('\n',','), 'journal', journal, 'newfirst b:', probe('b', false), 'a:', probe('a', false), 'b again', probe('b',false));
  }
}
